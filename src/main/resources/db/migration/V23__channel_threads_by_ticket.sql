-- Live chat delivers an agent's answer to the visitor whose thread the ticket belongs to.
CREATE INDEX channel_threads_by_ticket ON channel_threads (ticket_id);
