package dev.xiaoer.routing.internal;

import dev.xiaoer.workspace.WorkspaceId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * One row per workspace in {@code routing_locks}, locked while a chat of that workspace is handed
 * out, so that two nodes (or two threads) never give the same agent more chats than they can hold
 * or the same chat to two agents.
 */
@Repository
public class RoutingLocks {

    private final JdbcClient jdbc;

    RoutingLocks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Locks the workspace's routing until the current transaction ends. */
    public void lock(WorkspaceId workspace) {
        jdbc.sql("INSERT INTO routing_locks (workspace_id) VALUES (?) ON CONFLICT DO NOTHING")
                .param(workspace.value()).update();
        jdbc.sql("SELECT workspace_id FROM routing_locks WHERE workspace_id = ? FOR UPDATE")
                .param(workspace.value()).query(Object.class).single();
    }
}
