package dev.xiaoer.agent;

import dev.xiaoer.identity.IdentityManagement;
import dev.xiaoer.identity.Member;
import dev.xiaoer.identity.Role;
import dev.xiaoer.identity.UserId;
import dev.xiaoer.kernel.NotFound;
import dev.xiaoer.workspace.WorkspaceId;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
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

    /** Names of these teams, in one query; ids unknown in this workspace are absent from the result. */
    @Transactional(readOnly = true)
    public Map<TeamId, String> teamNames(WorkspaceId workspace, Collection<TeamId> teams) {
        if (teams.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("SELECT id, name FROM teams WHERE workspace_id = :workspace AND id IN (:ids)")
                .param("workspace", workspace.value())
                .param("ids", teams.stream().map(TeamId::value).distinct().toList())
                .query((rs, n) -> Map.entry(new TeamId(rs.getObject(1, UUID.class)), rs.getString(2)))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
