-- Query-side read model, written only by the projector of the query service.
CREATE TABLE projection_checkpoint (
    name           text        PRIMARY KEY,
    transaction_id xid8        NOT NULL,
    position       bigint      NOT NULL,
    max_position   bigint      NOT NULL,
    updated_at     timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE article_view (
    article_id    uuid        PRIMARY KEY,
    story_id      uuid        NOT NULL,
    outlet        text        NOT NULL,
    title         text,
    url           text,
    published_at  timestamptz NOT NULL,
    revision      integer     NOT NULL,
    position      bigint      NOT NULL,
    -- JSON kept as the projector wrote it, so that what is served is byte for byte what the builder made.
    body          text        NOT NULL
);
CREATE INDEX article_view_story_idx ON article_view (story_id);

CREATE TABLE story_view (
    story_id            uuid        PRIMARY KEY,
    headline            text        NOT NULL,
    article_count       integer     NOT NULL,
    outlet_count        integer     NOT NULL,
    claim_count         integer     NOT NULL,
    contradiction_count integer     NOT NULL,
    first_published_at  timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL,
    version             integer     NOT NULL,
    position            bigint      NOT NULL,
    body                text        NOT NULL
);
CREATE INDEX story_view_updated_idx ON story_view (updated_at DESC);

-- Past versions are not stored: the query service rebuilds them on demand from the story's stream.
