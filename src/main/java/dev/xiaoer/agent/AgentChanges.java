package dev.xiaoer.agent;

import dev.xiaoer.identity.Role;
import java.util.Set;

/** A partial update of an agent: {@code null} leaves a field as it is; skill sets, when given, replace the old ones. */
public record AgentChanges(Set<String> languages, Set<String> categories, Integer capacity, AgentStatus status,
                           Role role) {

    public AgentChanges {
        languages = languages == null ? null : Set.copyOf(languages);
        categories = categories == null ? null : Set.copyOf(categories);
    }

    public static AgentChanges status(AgentStatus status) {
        return new AgentChanges(null, null, null, status, null);
    }
}
