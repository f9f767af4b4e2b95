-- Customers: keyset listing (newest first), merge bookkeeping and the merge audit trail.

ALTER TABLE customers ADD COLUMN merged_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX customers_by_workspace_created ON customers (workspace_id, created_at, id);
CREATE INDEX customer_tags_by_tag ON customer_tags (tag);

-- Who merged which customer into which, and when. The source row stays (with merged_into set) so
-- that old links and API clients holding its id are told where the customer went.
CREATE TABLE customer_merges (
    id                 UUID PRIMARY KEY,
    workspace_id       UUID         NOT NULL REFERENCES workspaces (id),
    source_customer_id UUID         NOT NULL REFERENCES customers (id),
    target_customer_id UUID         NOT NULL REFERENCES customers (id),
    merged_by_type     VARCHAR(20)  NOT NULL,
    merged_by_id       UUID,
    merged_by_name     VARCHAR(200),
    identities_moved   INT          NOT NULL,
    tags_moved         INT          NOT NULL,
    merged_at          TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX customer_merges_by_target ON customer_merges (workspace_id, target_customer_id);
CREATE INDEX customer_merges_by_source ON customer_merges (workspace_id, source_customer_id);
