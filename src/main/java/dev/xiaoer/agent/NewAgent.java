package dev.xiaoer.agent;

import dev.xiaoer.identity.Role;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * An agent to create, with the user account behind it. Without a {@code password} one is
 * generated and returned once. {@code null} for role or capacity means agent and the default capacity.
 */
public record NewAgent(String email, String displayName, String password, Role role, Locale locale,
                       Set<String> languages, Set<String> categories, Integer capacity, List<TeamId> teams) {

    public NewAgent {
        languages = languages == null ? Set.of() : Set.copyOf(languages);
        categories = categories == null ? Set.of() : Set.copyOf(categories);
        teams = teams == null ? List.of() : List.copyOf(teams);
    }
}
