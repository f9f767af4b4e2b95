-- Tickets, their timeline, tags, custom fields and attachments. Runs unchanged on H2 (PostgreSQL mode)
-- and PostgreSQL 15+. Customers, users and teams belong to other modules: referenced by id only.

-- One row per workspace; incremented in a short transaction of its own to hand out ticket numbers.
CREATE TABLE ticket_counters (
    workspace_id UUID PRIMARY KEY REFERENCES workspaces (id),
    last_number  BIGINT NOT NULL
);

-- Ticket creation is the hot path, so tickets carry only the indexes lists and look-ups need, and
-- no foreign key to the workspace: on PostgreSQL every such key check locks the one workspace row
-- that all concurrent inserts share. The workspace always comes from the acting user or token.
CREATE TABLE tickets (
    id                  UUID PRIMARY KEY,
    workspace_id        UUID         NOT NULL,
    number              BIGINT       NOT NULL,
    subject             VARCHAR(200) NOT NULL,
    type                VARCHAR(20)  NOT NULL,
    priority            VARCHAR(10)  NOT NULL,
    status              VARCHAR(10)  NOT NULL,
    channel             VARCHAR(10)  NOT NULL,
    requester_id        UUID         NOT NULL,
    assignee_id         UUID,
    team_id             UUID,
    -- Ticket numbers never change, so the linked ticket's number is kept beside its id.
    follow_up_of        UUID REFERENCES tickets (id),
    follow_up_of_number BIGINT,
    merged_into         UUID REFERENCES tickets (id),
    merged_into_number  BIGINT,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    solved_at           TIMESTAMP WITH TIME ZONE,
    closed_at           TIMESTAMP WITH TIME ZONE,
    version             BIGINT       NOT NULL,
    CONSTRAINT tickets_number_unique UNIQUE (workspace_id, number)
);
CREATE INDEX tickets_by_updated ON tickets (workspace_id, updated_at, id);
CREATE INDEX tickets_by_requester ON tickets (workspace_id, requester_id);

-- Tickets while they are solved, for the task that closes them after some quiet days. A table of
-- its own keeps that index off the creation path.
CREATE TABLE solved_tickets (
    ticket_id    UUID PRIMARY KEY REFERENCES tickets (id),
    workspace_id UUID NOT NULL,
    solved_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX solved_tickets_by_time ON solved_tickets (solved_at);

CREATE TABLE ticket_tags (
    ticket_id UUID        NOT NULL REFERENCES tickets (id),
    tag       VARCHAR(50) NOT NULL,
    PRIMARY KEY (ticket_id, tag)
);

CREATE TABLE ticket_field_definitions (
    id           UUID PRIMARY KEY,
    workspace_id UUID          NOT NULL REFERENCES workspaces (id),
    field_key    VARCHAR(40)   NOT NULL,
    label        VARCHAR(100)  NOT NULL,
    field_type   VARCHAR(20)   NOT NULL,
    options      VARCHAR(12000) NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT ticket_field_definitions_key_unique UNIQUE (workspace_id, field_key)
);

CREATE TABLE ticket_field_values (
    ticket_id   UUID          NOT NULL REFERENCES tickets (id),
    field_id    UUID          NOT NULL REFERENCES ticket_field_definitions (id),
    field_value VARCHAR(1000) NOT NULL,
    PRIMARY KEY (ticket_id, field_id)
);

CREATE TABLE ticket_attachments (
    id           UUID PRIMARY KEY,
    workspace_id UUID         NOT NULL,
    ticket_id    UUID         NOT NULL REFERENCES tickets (id),
    file_name    VARCHAR(200) NOT NULL,
    content_type VARCHAR(100) NOT NULL,
    size_bytes   BIGINT       NOT NULL,
    content      BYTEA        NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ticket_attachments_by_ticket ON ticket_attachments (ticket_id);

-- Append-only: every message, note and change of a ticket, with who and when. The workspace is
-- repeated from the ticket for scoping (without a key to workspaces, as for tickets).
CREATE TABLE ticket_timeline (
    id                 UUID PRIMARY KEY,
    workspace_id       UUID          NOT NULL,
    ticket_id          UUID          NOT NULL REFERENCES tickets (id),
    kind               VARCHAR(20)   NOT NULL,
    actor_type         VARCHAR(20)   NOT NULL,
    actor_id           UUID,
    actor_name         VARCHAR(200),
    body               VARCHAR(20000),
    field              VARCHAR(60),
    old_value          VARCHAR(2000),
    new_value          VARCHAR(2000),
    old_label          VARCHAR(200),
    new_label          VARCHAR(200),
    attachment_id      UUID,
    related_ticket_id  UUID,
    related_number     BIGINT,
    merged_from_number BIGINT,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ticket_timeline_by_ticket ON ticket_timeline (ticket_id, created_at, id);
