CREATE TABLE customers (
    id           UUID PRIMARY KEY,
    workspace_id UUID         NOT NULL REFERENCES workspaces (id),
    name         VARCHAR(200) NOT NULL,
    email        VARCHAR(254),
    phone        VARCHAR(40),
    language     VARCHAR(16),
    tier         VARCHAR(40),
    notes        VARCHAR(4000),
    merged_into  UUID,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    version      BIGINT       NOT NULL
);
CREATE INDEX customers_by_workspace ON customers (workspace_id, name);

CREATE TABLE customer_identities (
    workspace_id  UUID         NOT NULL REFERENCES workspaces (id),
    identity_type VARCHAR(20)  NOT NULL,
    identity      VARCHAR(254) NOT NULL,
    customer_id   UUID         NOT NULL REFERENCES customers (id),
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (workspace_id, identity_type, identity)
);
CREATE INDEX customer_identities_by_customer ON customer_identities (customer_id);

CREATE TABLE customer_tags (
    customer_id UUID        NOT NULL REFERENCES customers (id),
    tag         VARCHAR(60) NOT NULL,
    PRIMARY KEY (customer_id, tag)
);
