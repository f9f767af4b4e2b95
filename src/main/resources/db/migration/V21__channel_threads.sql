-- Channel module: which ticket an external conversation thread (an e-mail thread, a shop's
-- conversation id) belongs to, per channel and customer.
CREATE TABLE channel_threads (
    workspace_id       UUID         NOT NULL REFERENCES workspaces (id),
    channel            VARCHAR(10)  NOT NULL,
    external_thread_id VARCHAR(200) NOT NULL,
    customer_id        UUID         NOT NULL,
    ticket_id          UUID         NOT NULL,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (workspace_id, channel, external_thread_id)
);
CREATE INDEX channel_threads_by_customer ON channel_threads (workspace_id, customer_id);
