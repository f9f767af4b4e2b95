-- Since when a ticket's customer has waited for an answer (NULL: nobody waits), kept by the ticket
-- aggregate; the inbox shows it as the waiting time and the chat queue is ordered by it.
ALTER TABLE tickets ADD COLUMN awaiting_reply_since TIMESTAMP WITH TIME ZONE;

-- Tickets from before: the customer's first message after the team's last public message, if the
-- ticket is not solved or closed.
UPDATE tickets SET awaiting_reply_since = (
    SELECT MIN(m.created_at) FROM ticket_timeline m
    WHERE m.ticket_id = tickets.id AND m.kind = 'MESSAGE' AND m.actor_type = 'CUSTOMER'
      AND m.created_at > COALESCE((
          SELECT MAX(a.created_at) FROM ticket_timeline a
          WHERE a.ticket_id = tickets.id AND a.kind = 'MESSAGE' AND a.actor_type <> 'CUSTOMER'),
          TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00+00'))
WHERE status IN ('NEW', 'OPEN', 'PENDING', 'ON_HOLD');

-- An agent's own lists and their load: their tickets by status, and the unassigned ones.
CREATE INDEX tickets_by_assignee ON tickets (workspace_id, assignee_id, status);

-- When each member last saw each ticket: what is newer is unread for them.
CREATE TABLE ticket_reads (
    ticket_id    UUID NOT NULL REFERENCES tickets (id),
    user_id      UUID NOT NULL,
    workspace_id UUID NOT NULL,
    seen_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (ticket_id, user_id)
);
