package dev.xiaoer.agent;

import dev.xiaoer.agent.domain.AgentProfile;
import dev.xiaoer.agent.domain.AgentRoles;
import dev.xiaoer.agent.domain.InitialPasswords;
import dev.xiaoer.agent.infra.AgentStore;
import dev.xiaoer.agent.infra.TeamStore;
import dev.xiaoer.identity.Actor;
import dev.xiaoer.identity.EmailAlreadyRegistered;
import dev.xiaoer.identity.IdentityManagement;
import dev.xiaoer.identity.Member;
import dev.xiaoer.identity.Role;
import dev.xiaoer.identity.UserId;
import dev.xiaoer.kernel.InvalidInput;
import dev.xiaoer.kernel.NotFound;
import dev.xiaoer.workspace.WorkspaceId;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Agents and teams of a workspace. An agent is a workspace member (user and role, kept by the
 * identity module) plus the profile routing needs: skills, capacity and presence.
 */
@Service
public class AgentManagement {

    public static final int TEAM_NAME_MAX = 120;
    public static final int TEAM_DESCRIPTION_MAX = 1000;

    private final IdentityManagement identity;
    private final AgentStore agents;
    private final TeamStore teams;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    AgentManagement(IdentityManagement identity, AgentStore agents, TeamStore teams, Clock clock,
                    ApplicationEventPublisher events) {
        this.identity = identity;
        this.agents = agents;
        this.teams = teams;
        this.clock = clock;
        this.events = events;
    }

    /** The member who can be assigned tickets; anyone else (or a member of another workspace) is not found. */
    @Transactional(readOnly = true)
    public Member requireAgent(WorkspaceId workspace, UserId user) {
        return identity.member(workspace, user)
                .filter(member -> AgentRoles.isAgent(member.role()))
                .orElseThrow(() -> new NotFound("agent", user));
    }

    @Transactional(readOnly = true)
    public String requireTeam(WorkspaceId workspace, TeamId team) {
        return teams.name(workspace, team).orElseThrow(() -> new NotFound("team", team));
    }

    /** Names of these teams, in one query; ids unknown in this workspace are absent from the result. */
    @Transactional(readOnly = true)
    public Map<TeamId, String> teamNames(WorkspaceId workspace, Collection<TeamId> ids) {
        return ids.isEmpty() ? Map.of() : teams.names(workspace, ids);
    }

    /**
     * Creates the user account, the membership and the profile in one go. Without a password, one
     * is generated and returned once in {@link CreatedAgent#initialPassword()}.
     */
    @Transactional
    public CreatedAgent create(WorkspaceId workspace, NewAgent agent, Actor actor) {
        var role = AgentRoles.assignable(agent.role() == null ? Role.AGENT : agent.role());
        if (!AgentRoles.mayManageRoles(actor)) {
            throw new RoleChangeForbidden();
        }
        var profile = AgentProfile.initial()
                .withLanguages(agent.languages())
                .withCategories(agent.categories())
                .withCapacity(agent.capacity() == null ? AgentProfile.DEFAULT_CAPACITY : agent.capacity());
        for (int i = 0; i < agent.teams().size(); i++) {
            teamReference(workspace, agent.teams().get(i), "teams[" + i + "]");
        }
        var generated = agent.password() == null ? InitialPasswords.generate() : null;
        UserId user;
        try {
            user = identity.createUser(agent.email(), agent.displayName().strip(),
                    generated == null ? agent.password() : generated, agent.locale());
        } catch (DuplicateKeyException e) {
            // Two requests for one address at once: the database's unique e-mail decided.
            throw new EmailAlreadyRegistered(agent.email().strip().toLowerCase(Locale.ROOT));
        }
        identity.addMember(workspace, user, role);
        var now = clock.instant();
        agents.save(workspace, user, agents.lock(workspace, user, now), profile, now);
        agent.teams().forEach(team -> teams.addMember(team, user));
        return new CreatedAgent(get(workspace, user), generated);
    }

    /** Agents of the workspace by display name; station staff are members but not agents. */
    @Transactional(readOnly = true)
    public List<Agent> list(WorkspaceId workspace, AgentFilter filter) {
        var profiles = agents.profiles(workspace);
        var memberships = teams.memberships(workspace);
        return identity.members(workspace).stream()
                .filter(member -> AgentRoles.isAgent(member.role()))
                .map(member -> agent(member, profiles.getOrDefault(member.userId().value(), AgentProfile.initial()),
                        memberships))
                .filter(agent -> matches(agent, filter))
                .toList();
    }

    @Transactional(readOnly = true)
    public Agent get(WorkspaceId workspace, UserId user) {
        var member = requireAgent(workspace, user);
        var profile = agents.find(workspace, user).orElseGet(AgentProfile::initial);
        return agent(member, profile, teams.memberships(workspace));
    }

    /**
     * Changes skills, capacity, status or role; a {@code null} field stays as it is. A real status
     * change is announced as {@link AgentStatusChanged}.
     */
    @Transactional
    public Agent update(WorkspaceId workspace, UserId user, AgentChanges changes, Actor actor) {
        var member = requireAgent(workspace, user);
        if (changes.role() != null && changes.role() != member.role()) {
            changeRole(workspace, member, changes.role(), actor);
        }
        var now = clock.instant();
        var before = agents.lock(workspace, user, now);
        var after = before;
        if (changes.languages() != null) {
            after = after.withLanguages(changes.languages());
        }
        if (changes.categories() != null) {
            after = after.withCategories(changes.categories());
        }
        if (changes.capacity() != null) {
            after = after.withCapacity(changes.capacity());
        }
        if (changes.status() != null) {
            after = after.withStatus(changes.status(), now);
        }
        agents.save(workspace, user, before, after, now);
        if (after.status() != before.status()) {
            events.publishEvent(new AgentStatusChanged(workspace, user, after.status(), now));
        }
        return get(workspace, user);
    }

    /** Sets the agent's presence, announcing it when it changed. */
    @Transactional
    public Agent setStatus(WorkspaceId workspace, UserId user, AgentStatus status) {
        return update(workspace, user, AgentChanges.status(status), Actor.system(workspace));
    }

    @Transactional
    public Team createTeam(WorkspaceId workspace, String name, String description, List<UserId> members) {
        var id = new TeamId(UUID.randomUUID());
        var teamName = teamName(name);
        for (int i = 0; i < members.size(); i++) {
            agentReference(workspace, members.get(i), "members[" + i + "]");
        }
        if (teams.nameTaken(workspace, teamName, id)) {
            throw new TeamNameTaken(teamName);
        }
        try {
            teams.insert(workspace, id, teamName, description(description), clock.instant());
        } catch (DuplicateKeyException e) {
            throw new TeamNameTaken(teamName);
        }
        members.forEach(member -> teams.addMember(id, member));
        return getTeam(workspace, id);
    }

    @Transactional(readOnly = true)
    public List<Team> teams(WorkspaceId workspace) {
        return teams.all(workspace);
    }

    @Transactional(readOnly = true)
    public Team getTeam(WorkspaceId workspace, TeamId team) {
        return teams.find(workspace, team).orElseThrow(() -> new NotFound("team", team));
    }

    @Transactional
    public Team updateTeam(WorkspaceId workspace, TeamId id, TeamChanges changes) {
        var team = getTeam(workspace, id);
        var name = changes.name() == null ? team.name() : teamName(changes.name());
        var description = changes.description() == null ? team.description() : description(changes.description());
        if (teams.nameTaken(workspace, name, id)) {
            throw new TeamNameTaken(name);
        }
        try {
            teams.update(id, name, description);
        } catch (DuplicateKeyException e) {
            throw new TeamNameTaken(name);
        }
        return getTeam(workspace, id);
    }

    /** Deletes an empty team; one with members is refused ({@link TeamHasMembers}) so nobody is dropped silently. */
    @Transactional
    public void deleteTeam(WorkspaceId workspace, TeamId id) {
        var team = getTeam(workspace, id);
        if (!team.members().isEmpty()) {
            throw new TeamHasMembers(id, team.members().size());
        }
        try {
            teams.delete(id);
        } catch (DataIntegrityViolationException e) {
            throw new TeamInUse(id);
        }
    }

    /** Puts an agent in a team; putting them in again changes nothing. */
    @Transactional
    public void addTeamMember(WorkspaceId workspace, TeamId team, UserId user) {
        getTeam(workspace, team);
        requireAgent(workspace, user);
        teams.addMember(team, user);
    }

    @Transactional
    public void removeTeamMember(WorkspaceId workspace, TeamId team, UserId user) {
        getTeam(workspace, team);
        if (!teams.removeMember(team, user)) {
            throw new NotFound("team member", user);
        }
    }

    /**
     * A team named in a request body. One this workspace does not have (another workspace's, or
     * none at all) is bad input in that field: the resource the request addresses does exist.
     */
    private void teamReference(WorkspaceId workspace, TeamId team, String field) {
        if (teams.name(workspace, team).isEmpty()) {
            throw new InvalidInput(field, "unknown-team", team);
        }
    }

    /** An agent named in a request body; see {@link #teamReference}. */
    private void agentReference(WorkspaceId workspace, UserId user, String field) {
        if (identity.member(workspace, user).filter(member -> AgentRoles.isAgent(member.role())).isEmpty()) {
            throw new InvalidInput(field, "unknown-agent", user);
        }
    }

    private void changeRole(WorkspaceId workspace, Member member, Role role, Actor actor) {
        AgentRoles.assignable(role);
        if (!AgentRoles.mayManageRoles(actor)) {
            throw new RoleChangeForbidden();
        }
        if (member.role() == Role.OWNER) {
            throw new OwnerRoleProtected(member.userId());
        }
        identity.changeRole(workspace, member.userId(), role);
    }

    private static Agent agent(Member member, AgentProfile profile, Map<UUID, List<Agent.TeamMembership>> memberships) {
        return new Agent(member.userId(), member.workspace(), member.email(), member.displayName(), member.role(),
                member.locale(), profile.languages(), profile.categories(), profile.capacity(), profile.status(),
                profile.statusChangedAt(), memberships.getOrDefault(member.userId().value(), List.of()));
    }

    private static boolean matches(Agent agent, AgentFilter filter) {
        if (filter.status() != null && agent.status() != filter.status()) {
            return false;
        }
        if (filter.team() != null && agent.teams().stream().noneMatch(team -> team.id().equals(filter.team()))) {
            return false;
        }
        if (filter.language() != null && !filter.language().isBlank()) {
            var wanted = filter.language().strip().replace('_', '-').toLowerCase(Locale.ROOT);
            if (agent.languages().stream().map(l -> l.toLowerCase(Locale.ROOT))
                    .noneMatch(l -> l.equals(wanted) || l.startsWith(wanted + "-"))) {
                return false;
            }
        }
        return filter.category() == null || filter.category().isBlank()
                || agent.categories().contains(filter.category().strip().toLowerCase(Locale.ROOT));
    }

    private static String teamName(String name) {
        if (name == null || name.isBlank()) {
            throw new InvalidInput("name", "team-name-required");
        }
        var stripped = name.strip();
        if (stripped.length() > TEAM_NAME_MAX) {
            throw new InvalidInput("name", "agent-field-too-long", TEAM_NAME_MAX);
        }
        return stripped;
    }

    private static String description(String description) {
        if (description == null || description.isBlank()) {
            return null;
        }
        if (description.strip().length() > TEAM_DESCRIPTION_MAX) {
            throw new InvalidInput("description", "agent-field-too-long", TEAM_DESCRIPTION_MAX);
        }
        return description.strip();
    }
}
