-- Generative answers, optional per workspace: an OpenAI-compatible endpoint the assistant may write
-- answers with, from the workspace's published articles only. Off unless an admin turns it on. The
-- key is needed to call the endpoint, so it is kept as given (not hashed) and never shown again.
CREATE TABLE assistant_generative (
    workspace_id UUID PRIMARY KEY REFERENCES workspaces (id),
    enabled      BOOLEAN      NOT NULL,
    base_url     VARCHAR(500) NOT NULL,
    model        VARCHAR(200) NOT NULL,
    api_key      VARCHAR(500),
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by   VARCHAR(200) NOT NULL
);
-- How the writer fared on a decision it was asked about (answered, not_covered, refused, failed), and
-- with an answer it wrote: the text and the articles it cited (ids separated by spaces).
ALTER TABLE assistant_decisions ADD COLUMN writer VARCHAR(20);
ALTER TABLE assistant_decisions ADD COLUMN written VARCHAR(4000);
ALTER TABLE assistant_decisions ADD COLUMN sources VARCHAR(400);
