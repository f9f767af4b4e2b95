package dev.xiaoer.agent.infra;

import dev.xiaoer.agent.AgentStatus;
import dev.xiaoer.agent.domain.AgentProfile;
import dev.xiaoer.identity.UserId;
import dev.xiaoer.workspace.WorkspaceId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Agent profiles and skills, always within one workspace. */
@Repository
public class AgentStore {

    private static final String LANGUAGE = "LANGUAGE";
    private static final String CATEGORY = "CATEGORY";
    private static final String COLUMNS = "SELECT user_id, capacity, status, status_changed_at FROM agent_profiles";

    private final JdbcClient jdbc;

    AgentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every stored profile of the workspace by user; members without one have {@link AgentProfile#initial()}. */
    public Map<UUID, AgentProfile> profiles(WorkspaceId workspace) {
        var skills = skills(workspace, null);
        var profiles = new HashMap<UUID, AgentProfile>();
        jdbc.sql(COLUMNS + " WHERE workspace_id = ?").param(workspace.value())
                .query(rs -> {
                    var user = rs.getObject(1, UUID.class);
                    profiles.put(user, profile(rs, skills.getOrDefault(user, Map.of())));
                });
        return profiles;
    }

    public Optional<AgentProfile> find(WorkspaceId workspace, UserId user) {
        var skills = skills(workspace, user).getOrDefault(user.value(), Map.of());
        return jdbc.sql(COLUMNS + " WHERE workspace_id = ? AND user_id = ?")
                .params(workspace.value(), user.value())
                .query((rs, n) -> profile(rs, skills)).optional();
    }

    /**
     * The member's profile, locked for the rest of the transaction so that two concurrent status
     * changes cannot both announce themselves. A member without one gets the initial profile stored.
     */
    public AgentProfile lock(WorkspaceId workspace, UserId user, Instant now) {
        var initial = AgentProfile.initial();
        jdbc.sql("""
                INSERT INTO agent_profiles (workspace_id, user_id, capacity, status, created_at, updated_at, version)
                VALUES (?, ?, ?, ?, ?, ?, 1) ON CONFLICT DO NOTHING""")
                .params(workspace.value(), user.value(), initial.capacity(), initial.status().name(),
                        Timestamp.from(now), Timestamp.from(now))
                .update();
        var skills = skills(workspace, user).getOrDefault(user.value(), Map.of());
        return jdbc.sql(COLUMNS + " WHERE workspace_id = ? AND user_id = ? FOR UPDATE")
                .params(workspace.value(), user.value())
                .query((rs, n) -> profile(rs, skills)).single();
    }

    public void save(WorkspaceId workspace, UserId user, AgentProfile before, AgentProfile after, Instant now) {
        jdbc.sql("""
                UPDATE agent_profiles SET capacity = ?, status = ?, status_changed_at = ?, updated_at = ?,
                                          version = version + 1
                WHERE workspace_id = ? AND user_id = ?""")
                .params(after.capacity(), after.status().name(),
                        after.statusChangedAt() == null ? null : Timestamp.from(after.statusChangedAt()),
                        Timestamp.from(now), workspace.value(), user.value())
                .update();
        if (!after.languages().equals(before.languages())) {
            replaceSkills(workspace, user, LANGUAGE, after.languages());
        }
        if (!after.categories().equals(before.categories())) {
            replaceSkills(workspace, user, CATEGORY, after.categories());
        }
    }

    private void replaceSkills(WorkspaceId workspace, UserId user, String kind, Set<String> skills) {
        jdbc.sql("DELETE FROM agent_skills WHERE workspace_id = ? AND user_id = ? AND kind = ?")
                .params(workspace.value(), user.value(), kind).update();
        for (var skill : skills) {
            jdbc.sql("INSERT INTO agent_skills (workspace_id, user_id, kind, skill) VALUES (?, ?, ?, ?)")
                    .params(workspace.value(), user.value(), kind, skill).update();
        }
    }

    /** Skills by user and kind, for one user or (with {@code null}) the whole workspace. */
    private Map<UUID, Map<String, Set<String>>> skills(WorkspaceId workspace, UserId user) {
        var skills = new HashMap<UUID, Map<String, Set<String>>>();
        var statement = user == null
                ? jdbc.sql("SELECT user_id, kind, skill FROM agent_skills WHERE workspace_id = ?")
                        .param(workspace.value())
                : jdbc.sql("SELECT user_id, kind, skill FROM agent_skills WHERE workspace_id = ? AND user_id = ?")
                        .params(workspace.value(), user.value());
        statement.query(rs -> {
            skills.computeIfAbsent(rs.getObject(1, UUID.class), k -> new HashMap<>())
                    .computeIfAbsent(rs.getString(2), k -> new TreeSet<>()).add(rs.getString(3));
        });
        return skills;
    }

    private static AgentProfile profile(ResultSet rs, Map<String, Set<String>> skills) throws SQLException {
        var changed = rs.getTimestamp("status_changed_at");
        return new AgentProfile(skills.getOrDefault(LANGUAGE, Set.of()), skills.getOrDefault(CATEGORY, Set.of()),
                rs.getInt("capacity"), AgentStatus.valueOf(rs.getString("status")),
                changed == null ? null : changed.toInstant());
    }
}
