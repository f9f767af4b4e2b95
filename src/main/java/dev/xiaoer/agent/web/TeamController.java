package dev.xiaoer.agent.web;

import dev.xiaoer.agent.AgentFilter;
import dev.xiaoer.agent.AgentManagement;
import dev.xiaoer.agent.TeamId;
import dev.xiaoer.agent.web.AgentRequests.CreateTeam;
import dev.xiaoer.agent.web.AgentRequests.UpdateTeam;
import dev.xiaoer.identity.Actor;
import dev.xiaoer.identity.UserId;
import dev.xiaoer.kernel.CursorPage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/teams")
@Tag(name = "Teams", description = "Groups of agents that tickets can be assigned to. Names are unique in a workspace.")
class TeamController {

    private static final String PROBLEM_JSON = "application/problem+json";

    private final AgentManagement agents;

    TeamController(AgentManagement agents) {
        this.agents = agents;
    }

    @GetMapping
    @Operation(operationId = "listTeams", summary = "List teams",
            description = "All teams of the workspace by name, with member counts (the list is complete: nextCursor"
                    + " is null).")
    CursorPage<TeamView> list(Actor actor) {
        return new CursorPage<>(agents.teams(actor.workspace()).stream().map(TeamView::from).toList(), null);
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getTeam", summary = "A team with its members")
    @ApiResponse(responseCode = "200", description = "The team and its members")
    @ApiResponse(responseCode = "404", description = "No such team in this workspace",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class)))
    TeamView get(Actor actor, @PathVariable UUID id) {
        var team = agents.getTeam(actor.workspace(), new TeamId(id));
        var members = agents.list(actor.workspace(), new AgentFilter(null, team.id(), null, null));
        return TeamView.from(team, members);
    }

    @PostMapping
    @Operation(operationId = "createTeam", summary = "Create a team",
            description = "Optionally with its first members.")
    @ApiResponse(responseCode = "201", description = "Created")
    @ApiResponse(responseCode = "400", description = "Invalid input; a member who is not an agent of this workspace is"
            + " refused in its field (problem type unknown-agent, field members[i])",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "409", description = "Another team has this name (team-name-taken)",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<TeamView> create(Actor actor, @Valid @RequestBody CreateTeam request) {
        var team = agents.createTeam(actor.workspace(), request.name(), request.description(), request.memberIds());
        return ResponseEntity.created(URI.create("/api/v1/teams/" + team.id())).body(TeamView.from(team));
    }

    @PatchMapping("/{id}")
    @Operation(operationId = "updateTeam", summary = "Rename a team or change its description",
            description = "Partial: a field left out or null stays; an empty description clears it.")
    @ApiResponse(responseCode = "200", description = "The updated team")
    @ApiResponse(responseCode = "409", description = "Another team has this name (team-name-taken)",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class)))
    TeamView update(Actor actor, @PathVariable UUID id, @Valid @RequestBody UpdateTeam request) {
        return TeamView.from(agents.updateTeam(actor.workspace(), new TeamId(id), request.toChanges()));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "deleteTeam", summary = "Delete an empty team",
            description = "A team with members is refused (409 team-has-members): remove its members first, so that"
                    + " nobody silently leaves a queue. A team that tickets still refer to is refused"
                    + " (409 team-in-use).")
    @ApiResponse(responseCode = "409", description = "The team still has members or is in use",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class)))
    void delete(Actor actor, @PathVariable UUID id) {
        agents.deleteTeam(actor.workspace(), new TeamId(id));
    }

    @PutMapping("/{id}/members/{userId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "addTeamMember", summary = "Put an agent in the team",
            description = "Idempotent: putting a member in again changes nothing.")
    @ApiResponse(responseCode = "404", description = "No such team, or no such agent in this workspace",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class)))
    void addMember(Actor actor, @PathVariable UUID id, @PathVariable UUID userId) {
        agents.addTeamMember(actor.workspace(), new TeamId(id), new UserId(userId));
    }

    @DeleteMapping("/{id}/members/{userId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "removeTeamMember", summary = "Take an agent out of the team")
    @ApiResponse(responseCode = "404", description = "No such team, or the user is not a member of it",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class)))
    void removeMember(Actor actor, @PathVariable UUID id, @PathVariable UUID userId) {
        agents.removeTeamMember(actor.workspace(), new TeamId(id), new UserId(userId));
    }
}
