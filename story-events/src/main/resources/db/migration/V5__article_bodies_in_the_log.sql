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

-- A story view is kept as a sequence of chunks of its JSON, cut where the content says (about 2.5 KB each), so that a
-- story's new version stores only the chunks that changed: an article joining a story of a thousand changes a few
-- hundred kilobytes of its megabytes. story_view.chunks lists the chunk ids in order; an id may recur.
ALTER TABLE story_view DROP COLUMN body;
ALTER TABLE story_view ADD COLUMN chunks integer[];
CREATE TABLE story_view_chunk (
    story_id uuid    NOT NULL,
    chunk_id integer NOT NULL,
    text     text    NOT NULL,
    PRIMARY KEY (story_id, chunk_id)
);
-- Chunks are at most 6,000 ASCII bytes: kept in the row as they are, never compressed or moved out of line.
ALTER TABLE story_view_chunk ALTER COLUMN text SET STORAGE PLAIN;
ALTER TABLE story_view ALTER COLUMN chunks SET STORAGE EXTERNAL;

-- The view JSON of each story, put together from its chunks.
CREATE VIEW story_view_body AS
SELECT v.story_id, v.version, v.position, v.article_count,
       (SELECT string_agg(c.text, '' ORDER BY o.n)
        FROM unnest(v.chunks) WITH ORDINALITY AS o(chunk_id, n)
        JOIN story_view_chunk c ON c.story_id = v.story_id AND c.chunk_id = o.chunk_id) AS body
FROM story_view v;
