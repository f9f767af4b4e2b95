package dev.xiaoer.agent.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.xiaoer.agent.Agent;
import dev.xiaoer.agent.AgentStatus;
import dev.xiaoer.agent.Team;
import dev.xiaoer.identity.Role;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(name = "Team")
record TeamView(
        @Schema(example = "0b7e2a8c-1f3d-4e5a-9c6b-7d8e9f0a1b2c") UUID id,
        @Schema(example = "售后组 After-sales") String name,
        @Schema(example = "Refunds, reshipments and spoiled-goods claims") String description,
        Instant createdAt,
        @Schema(example = "3") int memberCount,
        @Schema(description = "The team's agents; only on GET of one team")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        List<MemberView> members) {

    @Schema(name = "TeamMember")
    record MemberView(UUID userId, @Schema(example = "李娜") String displayName,
                      @Schema(example = "li.na@greenvalley.cn") String email,
                      @Schema(example = "agent", allowableValues = {"owner", "admin", "supervisor", "agent"}) Role role,
                      @Schema(example = "online", allowableValues = {"online", "away", "offline"}) AgentStatus status) {

        static MemberView from(Agent agent) {
            return new MemberView(agent.userId().value(), agent.displayName(), agent.email(), agent.role(),
                    agent.status());
        }
    }

    static TeamView from(Team team) {
        return new TeamView(team.id().value(), team.name(), team.description(), team.createdAt(),
                team.members().size(), null);
    }

    static TeamView from(Team team, List<Agent> members) {
        return new TeamView(team.id().value(), team.name(), team.description(), team.createdAt(),
                team.members().size(), members.stream().map(MemberView::from).toList());
    }
}
