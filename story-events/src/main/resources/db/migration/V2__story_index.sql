-- Ingest-side index of recent stories, updated in the same transaction as the events it summarises.
-- It is a cache of the log: it can always be rebuilt from the events.
CREATE TABLE story_index (
    story_id          uuid        PRIMARY KEY,
    headline          text        NOT NULL,
    stream_version    integer     NOT NULL,
    article_count     integer     NOT NULL,
    last_published_at timestamptz NOT NULL,
    profile           jsonb       NOT NULL
);
CREATE INDEX story_index_recent_idx ON story_index (last_published_at DESC);
