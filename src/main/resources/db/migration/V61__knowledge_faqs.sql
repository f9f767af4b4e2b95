-- FAQ entries: a standard question as customers ask it, its answer (Markdown), an optional
-- expectation ("fertilizer shows effect in 7–15 days"), further phrasings of the same question (one
-- per line), an optional linked article and an optional action the assistant takes with the answer.
-- A deleted entry keeps its row (deleted, with updated_at) so that other nodes drop it from their index.
CREATE TABLE kb_faqs (
    id           UUID PRIMARY KEY,
    workspace_id UUID           NOT NULL REFERENCES workspaces (id),
    language     VARCHAR(35)    NOT NULL,
    question     VARCHAR(300)   NOT NULL,
    answer       VARCHAR(10000) NOT NULL,
    expectation  VARCHAR(300),
    phrasings    VARCHAR(20000) NOT NULL,
    article_id   UUID REFERENCES kb_articles (id),
    action       VARCHAR(30)    NOT NULL,
    deleted      BOOLEAN        NOT NULL,
    version      INTEGER        NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX kb_faqs_workspace ON kb_faqs (workspace_id, updated_at);
CREATE INDEX kb_faqs_updated ON kb_faqs (updated_at);
