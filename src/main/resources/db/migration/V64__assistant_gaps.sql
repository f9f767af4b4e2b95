-- Knowledge gaps: the sentence embedding of each question the assistant's model read (384 floats,
-- little-endian), so that questions it could not answer are grouped by meaning without reading them
-- again; and what editors did with a question in the gaps report: covered by a new FAQ entry or
-- dismissed (NULL while open).
ALTER TABLE assistant_decisions ADD COLUMN embedding BYTEA;
ALTER TABLE assistant_decisions ADD COLUMN gap VARCHAR(20);
ALTER TABLE assistant_decisions ADD COLUMN gap_faq_id UUID;
