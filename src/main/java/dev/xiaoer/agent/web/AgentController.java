package dev.xiaoer.agent.web;

import dev.xiaoer.agent.AgentFilter;
import dev.xiaoer.agent.AgentManagement;
import dev.xiaoer.agent.AgentStatus;
import dev.xiaoer.agent.TeamId;
import dev.xiaoer.agent.web.AgentRequests.CreateAgent;
import dev.xiaoer.agent.web.AgentRequests.UpdateAgent;
import dev.xiaoer.identity.Actor;
import dev.xiaoer.identity.UserId;
import dev.xiaoer.kernel.CursorPage;
import dev.xiaoer.kernel.InvalidInput;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/agents")
@Tag(name = "Agents", description = "Workspace members who answer customers: skills, capacity, presence and role."
        + " Station staff are members but not agents.")
class AgentController {

    private static final String PROBLEM_JSON = "application/problem+json";

    private final AgentManagement agents;

    AgentController(AgentManagement agents) {
        this.agents = agents;
    }

    @GetMapping
    @Operation(operationId = "listAgents", summary = "List agents",
            description = "All agents of the workspace by display name (the list is complete: nextCursor is null).")
    CursorPage<AgentView> list(
            Actor actor,
            @Parameter(description = "online, away or offline", example = "online")
            @RequestParam(required = false) @Size(max = 10) String status,
            @Parameter(description = "Only members of this team")
            @RequestParam(required = false) UUID team,
            @Parameter(description = "Speaks this language; zh also finds zh-CN", example = "zh-CN")
            @RequestParam(required = false) @Size(max = 16) String language,
            @Parameter(description = "Knows this product category", example = "fertilizer")
            @RequestParam(required = false) @Size(max = 60) String category) {
        var wanted = status == null || status.isBlank() ? null : AgentStatus.fromCode(status.strip())
                .orElseThrow(() -> new InvalidInput("status", "agent-unknown-status", status));
        var filter = new AgentFilter(wanted, team == null ? null : new TeamId(team), language, category);
        return new CursorPage<>(agents.list(actor.workspace(), filter).stream().map(AgentView::from).toList(), null);
    }

    @GetMapping("/{userId}")
    @Operation(operationId = "getAgent", summary = "An agent with skills, capacity, status and teams")
    @ApiResponse(responseCode = "200", description = "The agent")
    @ApiResponse(responseCode = "404", description = "No such agent in this workspace",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class)))
    AgentView get(Actor actor, @PathVariable UUID userId) {
        return AgentView.from(agents.get(actor.workspace(), new UserId(userId)));
    }

    @PostMapping
    @Operation(operationId = "createAgent", summary = "Create an agent",
            description = "Creates the user account and its membership with the role (admin, supervisor or agent)."
                    + " Without a password, one is generated and returned once as initialPassword.")
    @ApiResponse(responseCode = "201", description = "Created")
    @ApiResponse(responseCode = "400", description = "Invalid input; a team that is not one of this workspace's is"
            + " refused in its field (problem type unknown-team, field teams[i])",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "409", description = "A user with this e-mail exists (email-already-registered)",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<AgentView> create(Actor actor, @Valid @RequestBody CreateAgent request) {
        var created = agents.create(actor.workspace(), request.toCommand(), actor);
        return ResponseEntity.created(URI.create("/api/v1/agents/" + created.agent().userId()))
                .body(AgentView.from(created.agent(), created.initialPassword()));
    }

    @PatchMapping("/{userId}")
    @Operation(operationId = "updateAgent", summary = "Update an agent's profile, status or role",
            description = "Partial: a field left out or null stays as it is. A status change is announced to the"
                    + " rest of Xiaoer (routing, supervisors) and stamps statusChangedAt.")
    @ApiResponse(responseCode = "200", description = "The updated agent")
    @ApiResponse(responseCode = "409", description = "The owner's role cannot be changed (agent-owner-role-protected)",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class)))
    AgentView update(Actor actor, @PathVariable UUID userId, @Valid @RequestBody UpdateAgent request) {
        return AgentView.from(agents.update(actor.workspace(), new UserId(userId), request.toChanges(), actor));
    }
}
