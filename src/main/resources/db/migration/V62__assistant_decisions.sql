-- Every decision of the assistant, for analytics and for the conversation's own rules (two unhelpful
-- answers in a row hand off): the question, what was detected, the candidates weighed (FAQ id and
-- probability, best first, as "id:probability" separated by spaces), the decision and, once the
-- customer says, whether the answer helped.
CREATE TABLE assistant_decisions (
    id           UUID PRIMARY KEY,
    workspace_id UUID          NOT NULL REFERENCES workspaces (id),
    conversation VARCHAR(200),
    channel      VARCHAR(30)   NOT NULL,
    question     VARCHAR(1000) NOT NULL,
    language     VARCHAR(35)   NOT NULL,
    kind         VARCHAR(20)   NOT NULL,
    reason       VARCHAR(40),
    faq_id       UUID,
    confidence   DOUBLE PRECISION NOT NULL,
    nearest      DOUBLE PRECISION NOT NULL,
    candidates   VARCHAR(2000) NOT NULL,
    outcome      VARCHAR(20),
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    outcome_at   TIMESTAMP WITH TIME ZONE
);
CREATE INDEX assistant_decisions_conversation ON assistant_decisions (workspace_id, conversation, created_at);
CREATE INDEX assistant_decisions_workspace ON assistant_decisions (workspace_id, created_at);
