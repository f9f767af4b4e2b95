-- Imports of FAQ entries or articles from a file: the file itself until the import is done, and how far
-- it got. Each row is applied in a transaction of its own together with the counts, so an import that
-- stops (a node going away) carries on from the next row, and a row is never applied twice.
CREATE TABLE kb_imports (
    id           UUID PRIMARY KEY,
    workspace_id UUID         NOT NULL REFERENCES workspaces (id),
    kind         VARCHAR(20)  NOT NULL,
    file_name    VARCHAR(255) NOT NULL,
    content      BYTEA        NOT NULL,
    status       VARCHAR(20)  NOT NULL,
    total        INTEGER      NOT NULL,
    processed    INTEGER      NOT NULL,
    created      INTEGER      NOT NULL,
    updated      INTEGER      NOT NULL,
    unchanged    INTEGER      NOT NULL,
    failed       INTEGER      NOT NULL,
    actor_type   VARCHAR(20)  NOT NULL,
    actor_id     UUID,
    actor_name   VARCHAR(200) NOT NULL,
    actor_role   VARCHAR(20),
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at  TIMESTAMP WITH TIME ZONE
);
CREATE INDEX kb_imports_workspace ON kb_imports (workspace_id, created_at);

-- The rows an import refused: where (row number, or file in a zip), the field and the reason (a message
-- code and its arguments as a JSON array), and the row's values (a JSON object) for the error report.
CREATE TABLE kb_import_errors (
    import_id  UUID           NOT NULL REFERENCES kb_imports (id),
    row_no     INTEGER        NOT NULL,
    source     VARCHAR(255),
    field      VARCHAR(50)    NOT NULL,
    code       VARCHAR(60)    NOT NULL,
    arguments  VARCHAR(2000)  NOT NULL,
    row_values VARCHAR(150000) NOT NULL,
    PRIMARY KEY (import_id, row_no)
);
