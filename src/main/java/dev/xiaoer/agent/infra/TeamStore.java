package dev.xiaoer.agent.infra;

import dev.xiaoer.agent.Agent;
import dev.xiaoer.agent.Team;
import dev.xiaoer.agent.TeamId;
import dev.xiaoer.identity.UserId;
import dev.xiaoer.workspace.WorkspaceId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Teams and their members. Team ids are always looked up together with the workspace. */
@Repository
public class TeamStore {

    private final JdbcClient jdbc;

    TeamStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(WorkspaceId workspace, TeamId id, String name, String description, Instant now) {
        jdbc.sql("""
                INSERT INTO teams (id, workspace_id, name, description, created_at, version)
                VALUES (?, ?, ?, ?, ?, 1)""")
                .params(id.value(), workspace.value(), name, description, Timestamp.from(now)).update();
    }

    public void update(TeamId id, String name, String description) {
        jdbc.sql("UPDATE teams SET name = ?, description = ?, version = version + 1 WHERE id = ?")
                .params(name, description, id.value()).update();
    }

    public void delete(TeamId id) {
        jdbc.sql("DELETE FROM teams WHERE id = ?").param(id.value()).update();
    }

    /** Whether another team of the workspace has this name, in any letter case. */
    public boolean nameTaken(WorkspaceId workspace, String name, TeamId except) {
        return jdbc.sql("SELECT COUNT(*) FROM teams WHERE workspace_id = ? AND LOWER(name) = LOWER(?) AND id <> ?")
                .params(workspace.value(), name, except.value()).query(Long.class).single() > 0;
    }

    public Optional<String> name(WorkspaceId workspace, TeamId id) {
        return jdbc.sql("SELECT name FROM teams WHERE workspace_id = ? AND id = ?")
                .params(workspace.value(), id.value()).query(String.class).optional();
    }

    public Map<TeamId, String> names(WorkspaceId workspace, Collection<TeamId> ids) {
        var names = new HashMap<TeamId, String>();
        jdbc.sql("SELECT id, name FROM teams WHERE workspace_id = :workspace AND id IN (:ids)")
                .param("workspace", workspace.value())
                .param("ids", ids.stream().map(TeamId::value).distinct().toList())
                .query(rs -> {
                    names.put(new TeamId(rs.getObject(1, UUID.class)), rs.getString(2));
                });
        return names;
    }

    public Optional<Team> find(WorkspaceId workspace, TeamId id) {
        var members = jdbc.sql("SELECT user_id FROM team_members WHERE team_id = ? ORDER BY user_id")
                .param(id.value()).query(UUID.class).list().stream().map(UserId::new).toList();
        return jdbc.sql("SELECT name, description, created_at FROM teams WHERE workspace_id = ? AND id = ?")
                .params(workspace.value(), id.value())
                .query((rs, n) -> new Team(id, workspace, rs.getString(1), rs.getString(2),
                        rs.getTimestamp(3).toInstant(), members))
                .optional();
    }

    /** All teams of the workspace by name, with their members. */
    public List<Team> all(WorkspaceId workspace) {
        var members = new HashMap<UUID, List<UserId>>();
        jdbc.sql("""
                SELECT m.team_id, m.user_id FROM team_members m JOIN teams t ON t.id = m.team_id
                WHERE t.workspace_id = ? ORDER BY m.user_id""")
                .param(workspace.value())
                .query(rs -> {
                    members.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                            .add(new UserId(rs.getObject(2, UUID.class)));
                });
        return jdbc.sql("SELECT id, name, description, created_at FROM teams WHERE workspace_id = ? ORDER BY name, id")
                .param(workspace.value())
                .query((rs, n) -> {
                    var id = rs.getObject(1, UUID.class);
                    return new Team(new TeamId(id), workspace, rs.getString(2), rs.getString(3),
                            rs.getTimestamp(4).toInstant(), members.getOrDefault(id, List.of()));
                })
                .list();
    }

    /** The teams each member of the workspace belongs to, by user. */
    public Map<UUID, List<Agent.TeamMembership>> memberships(WorkspaceId workspace) {
        var memberships = new HashMap<UUID, List<Agent.TeamMembership>>();
        jdbc.sql("""
                SELECT m.user_id, t.id, t.name FROM team_members m JOIN teams t ON t.id = m.team_id
                WHERE t.workspace_id = ? ORDER BY t.name, t.id""")
                .param(workspace.value())
                .query(rs -> {
                    memberships.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                            .add(new Agent.TeamMembership(new TeamId(rs.getObject(2, UUID.class)), rs.getString(3)));
                });
        return memberships;
    }

    public void addMember(TeamId team, UserId user) {
        jdbc.sql("INSERT INTO team_members (team_id, user_id) VALUES (?, ?) ON CONFLICT DO NOTHING")
                .params(team.value(), user.value()).update();
    }

    public boolean removeMember(TeamId team, UserId user) {
        return jdbc.sql("DELETE FROM team_members WHERE team_id = ? AND user_id = ?")
                .params(team.value(), user.value()).update() == 1;
    }
}
