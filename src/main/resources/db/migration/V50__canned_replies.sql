-- Canned replies (automation): per workspace a title agents search by, an optional shortcut, and one
-- text per language. title_key is the title in lower case, so that two replies cannot differ by case
-- alone; a NULL shortcut (none) may repeat. Runs unchanged on H2 (PostgreSQL mode) and PostgreSQL 15+.
CREATE TABLE canned_replies (
    id           UUID PRIMARY KEY,
    workspace_id UUID         NOT NULL REFERENCES workspaces (id),
    title        VARCHAR(100) NOT NULL,
    title_key    VARCHAR(200) NOT NULL,
    shortcut     VARCHAR(30),
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT canned_replies_title_unique UNIQUE (workspace_id, title_key),
    CONSTRAINT canned_replies_shortcut_unique UNIQUE (workspace_id, shortcut)
);

-- One row per language of a reply (a BCP 47 tag such as zh-CN); sort_order keeps the order written,
-- which decides the text offered when no language fits the customer or the agent.
CREATE TABLE canned_reply_texts (
    reply_id     UUID          NOT NULL REFERENCES canned_replies (id),
    workspace_id UUID          NOT NULL,
    language     VARCHAR(35)   NOT NULL,
    sort_order   INTEGER       NOT NULL,
    body         VARCHAR(5000) NOT NULL,
    PRIMARY KEY (reply_id, language)
);
