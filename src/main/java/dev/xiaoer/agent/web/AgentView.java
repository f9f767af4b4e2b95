package dev.xiaoer.agent.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.xiaoer.agent.Agent;
import dev.xiaoer.agent.AgentStatus;
import dev.xiaoer.identity.Role;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(name = "Agent")
record AgentView(
        @Schema(example = "6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f") UUID userId,
        @Schema(example = "li.na@greenvalley.cn") String email,
        @Schema(example = "李娜") String displayName,
        @Schema(example = "agent", allowableValues = {"owner", "admin", "supervisor", "agent"}) Role role,
        @Schema(example = "zh-CN") String locale,
        @Schema(example = "[\"en\", \"zh-CN\"]") List<String> languages,
        @Schema(example = "[\"fertilizer\", \"fruit\"]") List<String> categories,
        @Schema(example = "8") int capacity,
        @Schema(example = "online", allowableValues = {"online", "away", "offline"}) AgentStatus status,
        @Schema(description = "When the status last changed; null until it first does") Instant statusChangedAt,
        List<TeamRef> teams,
        @Schema(description = "The generated password, only in the answer to a creation without a password:"
                + " shown once, never again")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        String initialPassword) {

    @Schema(name = "AgentTeam")
    record TeamRef(UUID id, @Schema(example = "售后组 After-sales") String name) {
    }

    static AgentView from(Agent agent) {
        return from(agent, null);
    }

    static AgentView from(Agent agent, String initialPassword) {
        return new AgentView(agent.userId().value(), agent.email(), agent.displayName(), agent.role(), agent.locale(),
                agent.languages().stream().sorted().toList(), agent.categories().stream().sorted().toList(),
                agent.capacity(), agent.status(), agent.statusChangedAt(),
                agent.teams().stream().map(team -> new TeamRef(team.id().value(), team.name())).toList(),
                initialPassword);
    }
}
