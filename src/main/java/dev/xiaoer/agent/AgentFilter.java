package dev.xiaoer.agent;

/**
 * Which agents to list; {@code null} matches all. {@code language} matches a skill exactly or as
 * its prefix: {@code zh} finds agents speaking {@code zh-CN} and {@code zh-TW}.
 */
public record AgentFilter(AgentStatus status, TeamId team, String language, String category) {

    public static AgentFilter all() {
        return new AgentFilter(null, null, null, null);
    }
}
