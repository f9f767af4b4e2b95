-- Routing: one row per workspace, locked while one of its waiting chats is given to an agent, so
-- that concurrent routing (several nodes) hands out each chat once and respects capacity.
CREATE TABLE routing_locks (
    workspace_id UUID PRIMARY KEY
);
