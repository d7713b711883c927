-- An article's text, claims and entities are kept once, in its events: article_view keeps where they are (the
-- positions of its ArticleIngested and ClaimsExtracted events) instead of a copy of them. Writing that copy was
-- most of what a replay wrote. The read model is a cache of the log: it is emptied here and the query service's
-- projector replays the log into the new layout when it starts.
DELETE FROM story_view;
DELETE FROM article_view;
DELETE FROM projection_checkpoint;
ALTER TABLE article_view DROP COLUMN body;
ALTER TABLE article_view ADD COLUMN claims_position bigint;
COMMENT ON COLUMN article_view.position IS 'position of the ArticleIngested event of this revision';
COMMENT ON COLUMN article_view.claims_position IS 'position of the ClaimsExtracted event of this revision; null until extracted';
