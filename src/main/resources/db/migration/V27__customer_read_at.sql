-- When the customer last had the team's answers in front of them (the chat widget open, say): the
-- ticket page marks the answers up to then as seen. Not a change of the ticket: no version, no entry.
ALTER TABLE tickets ADD COLUMN customer_read_at TIMESTAMP WITH TIME ZONE;
