-- Events are stored as the JSON text they were written as (json, not jsonb). The log is written once and read
-- whole, in order, far more often than it is searched; only one key of it is indexed (events_article_idx). jsonb
-- made every read turn its binary form back into text: for a replay that was more than half of PostgreSQL's CPU
-- (about 0.8 s against 0.3 s for json per 20,000 seed-sized events on the bench machine). json also keeps each
-- event byte for byte as its producer wrote it. Events stored before this migration keep jsonb's key order.
-- The column type changes in place; the append-only triggers fire on UPDATE, DELETE and TRUNCATE, not here.
DROP INDEX events_article_idx;
ALTER TABLE events
    ALTER COLUMN data TYPE json USING data::json,
    ALTER COLUMN metadata TYPE json USING metadata::json;
CREATE INDEX events_article_idx ON events ((data ->> 'articleId'), position) WHERE type = 'ArticleIngested';
ALTER INDEX events_article_idx ALTER COLUMN 1 SET STATISTICS 0;
