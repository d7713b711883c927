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
    body          jsonb       NOT NULL
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
    body                jsonb       NOT NULL
);
CREATE INDEX story_view_updated_idx ON story_view (updated_at DESC);

-- Every version of every story view, so that ?version= and ?asOf= show the story as it stood then.
CREATE TABLE story_view_history (
    story_id    uuid        NOT NULL,
    version     integer     NOT NULL,
    recorded_at timestamptz NOT NULL,
    position    bigint      NOT NULL,
    body        jsonb       NOT NULL,
    PRIMARY KEY (story_id, version)
);
CREATE INDEX story_view_history_time_idx ON story_view_history (story_id, recorded_at);
