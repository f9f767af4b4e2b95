-- Live chat settings per workspace: the sites allowed to embed the widget (origins, one per line;
-- none means any site) and the secret a merchant's backend signs its user ids with (made when an
-- admin first opens the chat settings; until then no visitor can be identified).
CREATE TABLE chat_settings (
    workspace_id    UUID          NOT NULL PRIMARY KEY REFERENCES workspaces (id),
    allowed_origins VARCHAR(6000) NOT NULL,
    signing_secret  VARCHAR(100),
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
