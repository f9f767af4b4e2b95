-- A chat the assistant is answering stays out of the team's chat queue until it hands the chat over
-- (or an agent replies).
ALTER TABLE tickets ADD COLUMN with_assistant BOOLEAN DEFAULT FALSE NOT NULL;
