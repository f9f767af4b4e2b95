package dev.xiaoer.agent;

import dev.xiaoer.identity.UserId;
import dev.xiaoer.workspace.WorkspaceId;
import java.time.Instant;

/** An agent went online, away or offline. Published only when the status really changed. */
public record AgentStatusChanged(WorkspaceId workspace, UserId userId, AgentStatus status, Instant at) {
}
