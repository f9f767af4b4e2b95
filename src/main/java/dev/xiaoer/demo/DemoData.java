package dev.xiaoer.demo;

import java.util.List;

/** The demo workspace's content, read from {@code demo/workspace.json}. */
record DemoData(WorkspaceSpec workspace, AdminSpec admin, List<AgentSpec> agents, List<TeamSpec> teams,
                List<CustomerSpec> customers, List<TicketSpec> tickets) {

    record WorkspaceSpec(String name, String language, String timeZone, String currency) {
    }

    record AdminSpec(String email, String name) {
    }

    record AgentSpec(String key, String email, String name, String role, List<String> languages,
                     List<String> categories, Integer capacity, List<String> teams) {
    }

    record TeamSpec(String key, String name, String description) {
    }

    record CustomerSpec(String key, String name, String email, String phone, String language, String tier,
                        List<String> tags, String notes) {
    }

    record TicketSpec(String customer, String subject, String type, String priority, String channel, String status,
                      String assignee, String team, List<String> tags, List<MessageSpec> messages) {
    }

    /** {@code from}: {@code customer}, {@code agent} (the assignee) or {@code note} (an internal note by the assignee). */
    record MessageSpec(String from, String body) {
    }
}
