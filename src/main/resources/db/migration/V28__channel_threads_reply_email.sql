-- A chat left while nobody was online: the address the visitor gave, to which the team's answers are
-- e-mailed while the visitor is not connected. Kept with the thread rather than taken from the
-- customer's profile, because the address is what the visitor typed, unverified.
ALTER TABLE channel_threads ADD COLUMN reply_email VARCHAR(254);
