-- The knowledge base: categories (a tree), articles (one row per language version; versions of one
-- text share translation_group) and every saved version of an article. Runs unchanged on H2
-- (PostgreSQL mode) and PostgreSQL 15+.
CREATE TABLE kb_categories (
    id           UUID PRIMARY KEY,
    workspace_id UUID         NOT NULL REFERENCES workspaces (id),
    parent_id    UUID REFERENCES kb_categories (id),
    name         VARCHAR(100) NOT NULL,
    slug         VARCHAR(120) NOT NULL,
    position     INTEGER      NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT kb_categories_slug_unique UNIQUE (workspace_id, slug)
);

-- status: DRAFT, PUBLISHED, ARCHIVED. version counts saves (optimistic concurrency and history);
-- updated_at also drives other nodes' search index catch-up.
CREATE TABLE kb_articles (
    id                UUID PRIMARY KEY,
    workspace_id      UUID          NOT NULL REFERENCES workspaces (id),
    translation_group UUID          NOT NULL,
    language          VARCHAR(35)   NOT NULL,
    slug              VARCHAR(120)  NOT NULL,
    title             VARCHAR(200)  NOT NULL,
    body              VARCHAR(100000) NOT NULL,
    category_id       UUID REFERENCES kb_categories (id),
    tags              VARCHAR(1100) NOT NULL,
    status            VARCHAR(20)   NOT NULL,
    version           INTEGER       NOT NULL,
    author_name       VARCHAR(200)  NOT NULL,
    reviewer_name     VARCHAR(200),
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    published_at      TIMESTAMP WITH TIME ZONE,
    CONSTRAINT kb_articles_slug_unique UNIQUE (workspace_id, slug),
    CONSTRAINT kb_articles_one_per_language UNIQUE (workspace_id, translation_group, language)
);
CREATE INDEX kb_articles_updated ON kb_articles (updated_at);
CREATE INDEX kb_articles_category ON kb_articles (workspace_id, category_id);

CREATE TABLE kb_article_versions (
    article_id   UUID          NOT NULL REFERENCES kb_articles (id),
    version      INTEGER       NOT NULL,
    workspace_id UUID          NOT NULL,
    title        VARCHAR(200)  NOT NULL,
    body         VARCHAR(100000) NOT NULL,
    tags         VARCHAR(1100) NOT NULL,
    edited_by    VARCHAR(200)  NOT NULL,
    edited_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    note         VARCHAR(200),
    PRIMARY KEY (article_id, version)
);

-- A reader's "was this helpful?" on a published article, one row per answer.
CREATE TABLE kb_article_votes (
    id           UUID PRIMARY KEY,
    workspace_id UUID    NOT NULL,
    article_id   UUID    NOT NULL REFERENCES kb_articles (id),
    helpful      BOOLEAN NOT NULL,
    voted_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX kb_article_votes_article ON kb_article_votes (article_id);

-- A workspace's search synonyms as its editors write them: one group of words that mean the same
-- per line, such as "化肥, 肥料, fertilizer".
CREATE TABLE kb_synonyms (
    workspace_id UUID PRIMARY KEY REFERENCES workspaces (id),
    lines        VARCHAR(20000) NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
