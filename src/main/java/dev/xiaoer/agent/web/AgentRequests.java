package dev.xiaoer.agent.web;

import dev.xiaoer.agent.AgentChanges;
import dev.xiaoer.agent.AgentManagement;
import dev.xiaoer.agent.AgentStatus;
import dev.xiaoer.agent.NewAgent;
import dev.xiaoer.agent.TeamChanges;
import dev.xiaoer.agent.TeamId;
import dev.xiaoer.agent.domain.AgentProfile;
import dev.xiaoer.identity.Role;
import dev.xiaoer.identity.UserId;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** Request bodies of the agent and team API, with their limits. */
final class AgentRequests {

    static final String LANGUAGE = "^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*$";
    static final String NOT_BLANK = "(?s).*\\S.*";

    private AgentRequests() {
    }

    @Schema(description = "A new agent and the user account behind it. Without a password one is generated and"
            + " returned once as initialPassword.")
    record CreateAgent(
            @NotBlank @Email @Size(max = 254)
            @Schema(example = "li.na@greenvalley.cn", requiredMode = Schema.RequiredMode.REQUIRED)
            String email,
            @NotBlank @Size(max = 120)
            @Schema(example = "李娜", requiredMode = Schema.RequiredMode.REQUIRED)
            String displayName,
            @Size(min = 12, max = 128)
            @Schema(description = "Leave out to have one generated", example = "correct horse battery staple")
            String password,
            @Schema(description = "The member's role (default agent)", example = "agent",
                    allowableValues = {"admin", "supervisor", "agent"})
            Role role,
            @Size(max = 16) @Pattern(regexp = LANGUAGE)
            @Schema(description = "Language of the agent's own screens", example = "zh-CN")
            String locale,
            @Size(max = AgentProfile.SKILLS_MAX)
            @Schema(description = "Languages the agent answers in", example = "[\"zh-CN\", \"en\"]")
            List<@NotNull @Size(max = AgentProfile.LANGUAGE_MAX) @Pattern(regexp = LANGUAGE) String> languages,
            @Size(max = AgentProfile.SKILLS_MAX)
            @Schema(description = "Product categories the agent knows", example = "[\"fertilizer\", \"fruit\"]")
            List<@NotBlank @Size(max = AgentProfile.SKILL_MAX) String> categories,
            @Min(AgentProfile.MIN_CAPACITY) @Max(AgentProfile.MAX_CAPACITY)
            @Schema(description = "Most conversations at once, 1 to 50 (default 5)", example = "8")
            Integer capacity,
            @Size(max = 20) @Schema(description = "Teams to join")
            List<@NotNull UUID> teams) {

        NewAgent toCommand() {
            return new NewAgent(email, displayName, password, role,
                    locale == null || locale.isBlank() ? null : Locale.forLanguageTag(locale.replace('_', '-')),
                    languages == null ? null : new LinkedHashSet<>(languages),
                    categories == null ? null : new LinkedHashSet<>(categories), capacity,
                    teams == null ? null : teams.stream().map(TeamId::new).toList());
        }
    }

    @Schema(description = "A partial update of an agent: a field left out or null stays as it is; skill lists,"
            + " when given, replace the old ones.")
    record UpdateAgent(
            @Size(max = AgentProfile.SKILLS_MAX) @Schema(example = "[\"zh-CN\", \"en\", \"ms\"]")
            List<@NotNull @Size(max = AgentProfile.LANGUAGE_MAX) @Pattern(regexp = LANGUAGE) String> languages,
            @Size(max = AgentProfile.SKILLS_MAX) @Schema(example = "[\"fruit\", \"cross-border\"]")
            List<@NotBlank @Size(max = AgentProfile.SKILL_MAX) String> categories,
            @Min(AgentProfile.MIN_CAPACITY) @Max(AgentProfile.MAX_CAPACITY) @Schema(example = "10")
            Integer capacity,
            @Schema(example = "online", allowableValues = {"online", "away", "offline"})
            AgentStatus status,
            @Schema(description = "The owner's role cannot be changed here", example = "supervisor",
                    allowableValues = {"admin", "supervisor", "agent"})
            Role role) {

        AgentChanges toChanges() {
            return new AgentChanges(languages == null ? null : new LinkedHashSet<>(languages),
                    categories == null ? null : new LinkedHashSet<>(categories), capacity, status, role);
        }
    }

    @Schema(description = "A new team")
    record CreateTeam(
            @NotBlank @Size(max = AgentManagement.TEAM_NAME_MAX)
            @Schema(example = "售后组 After-sales", requiredMode = Schema.RequiredMode.REQUIRED)
            String name,
            @Size(max = AgentManagement.TEAM_DESCRIPTION_MAX)
            @Schema(example = "Refunds, reshipments and spoiled-goods claims")
            String description,
            @Size(max = 100) @Schema(description = "User ids of agents to put in the team")
            List<@NotNull UUID> members) {

        List<UserId> memberIds() {
            return members == null ? List.of() : members.stream().map(UserId::new).toList();
        }
    }

    @Schema(description = "A partial update of a team: a field left out or null stays; an empty description clears it")
    record UpdateTeam(
            @Size(max = AgentManagement.TEAM_NAME_MAX) @Pattern(regexp = NOT_BLANK)
            @Schema(example = "English desk")
            String name,
            @Size(max = AgentManagement.TEAM_DESCRIPTION_MAX)
            @Schema(example = "Cross-border buyers writing in English")
            String description) {

        TeamChanges toChanges() {
            return new TeamChanges(name, description);
        }
    }
}
