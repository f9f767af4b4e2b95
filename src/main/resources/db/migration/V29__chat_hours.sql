-- When the workspace's chat is staffed (one span per line, such as "Mon-Fri 09:00-18:00", in the
-- workspace's time zone); empty means always. Outside them the widget says the team is closed.
ALTER TABLE chat_settings ADD COLUMN business_hours VARCHAR(1000) NOT NULL DEFAULT '';
