-- Idempotency-Key records of the REST API: one row per workspace and key, written in the same
-- transaction as whatever the request created, holding the response a retry gets back.
CREATE TABLE idempotency_keys (
    workspace_id          UUID         NOT NULL,
    idempotency_key       VARCHAR(255) NOT NULL,
    request_method        VARCHAR(10)  NOT NULL,
    request_path          VARCHAR(2000) NOT NULL,
    request_hash          CHAR(64),
    response_status       INT,
    response_location     VARCHAR(2000),
    response_etag         VARCHAR(200),
    response_content_type VARCHAR(200),
    response_body         BYTEA,
    created_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (workspace_id, idempotency_key)
);
CREATE INDEX idempotency_keys_by_created_at ON idempotency_keys (created_at);
