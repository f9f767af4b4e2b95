-- Whether the assistant answers a workspace's chats before a person: off until an admin turns it on.
ALTER TABLE chat_settings ADD COLUMN assistant_first BOOLEAN DEFAULT FALSE NOT NULL;
