-- Live chat: the id the widget gives each visitor message, so that a message sent again (after a
-- dropped connection) is stored once and answered with the same ticket number. ticket_number is
-- null while the first send is still being filed. Rows are forgotten after a day, long after any
-- resend; no key to workspaces, to stay off the workspace row on every chat message.
CREATE TABLE chat_client_messages (
    workspace_id  UUID        NOT NULL,
    visitor_id    VARCHAR(64) NOT NULL,
    client_id     VARCHAR(64) NOT NULL,
    ticket_number BIGINT,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (workspace_id, visitor_id, client_id)
);
CREATE INDEX chat_client_messages_by_created_at ON chat_client_messages (created_at);
