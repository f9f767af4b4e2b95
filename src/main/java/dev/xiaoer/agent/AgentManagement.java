package dev.xiaoer.agent;

import dev.xiaoer.identity.IdentityManagement;
import dev.xiaoer.identity.Member;
import dev.xiaoer.identity.Role;
import dev.xiaoer.identity.UserId;
import dev.xiaoer.kernel.NotFound;
import dev.xiaoer.workspace.WorkspaceId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Agents and teams of a workspace. */
@Service
public class AgentManagement {

    private final IdentityManagement identity;
    private final JdbcClient jdbc;

    AgentManagement(IdentityManagement identity, JdbcClient jdbc) {
        this.identity = identity;
        this.jdbc = jdbc;
    }

    /** The member who can be assigned tickets; anyone else (or a member of another workspace) is not found. */
    @Transactional(readOnly = true)
    public Member requireAgent(WorkspaceId workspace, UserId user) {
        return identity.member(workspace, user)
                .filter(member -> member.role() != Role.STATION_STAFF)
                .orElseThrow(() -> new NotFound("agent", user));
    }

    @Transactional(readOnly = true)
    public String requireTeam(WorkspaceId workspace, TeamId team) {
        return jdbc.sql("SELECT name FROM teams WHERE workspace_id = ? AND id = ?")
                .params(workspace.value(), team.value()).query(String.class).optional()
                .orElseThrow(() -> new NotFound("team", team));
    }
}
