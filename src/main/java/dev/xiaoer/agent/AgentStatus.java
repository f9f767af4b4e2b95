package dev.xiaoer.agent;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** An agent's presence: whether routing may hand them new conversations. */
public enum AgentStatus {
    ONLINE, AWAY, OFFLINE;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<AgentStatus> fromCode(String code) {
        return Arrays.stream(values()).filter(status -> status.name().equalsIgnoreCase(code)).findFirst();
    }
}
