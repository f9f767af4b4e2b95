-- Agents: the profile a workspace member needs to answer customers. The member (user + role)
-- lives in the identity module; this is what routing reads: skills, capacity and presence.

CREATE TABLE agent_profiles (
    workspace_id      UUID        NOT NULL REFERENCES workspaces (id),
    user_id           UUID        NOT NULL REFERENCES users (id),
    capacity          INT         NOT NULL,
    status            VARCHAR(10) NOT NULL,
    status_changed_at TIMESTAMP WITH TIME ZONE,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    version           BIGINT      NOT NULL,
    PRIMARY KEY (workspace_id, user_id),
    CONSTRAINT agent_profiles_capacity CHECK (capacity BETWEEN 1 AND 50)
);
CREATE INDEX agent_profiles_by_status ON agent_profiles (workspace_id, status);

-- kind: LANGUAGE (a BCP 47 tag such as zh-CN) or CATEGORY (a product category such as fertilizer).
CREATE TABLE agent_skills (
    workspace_id UUID        NOT NULL REFERENCES workspaces (id),
    user_id      UUID        NOT NULL REFERENCES users (id),
    kind         VARCHAR(20) NOT NULL,
    skill        VARCHAR(60) NOT NULL,
    PRIMARY KEY (workspace_id, user_id, kind, skill)
);
CREATE INDEX agent_skills_by_skill ON agent_skills (workspace_id, kind, skill);
