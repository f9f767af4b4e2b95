package dev.xiaoer.demo;

import java.util.List;
import java.util.Map;

/** The demo workspace's content, read from {@code demo/workspace.json}. */
record DemoData(WorkspaceSpec workspace, AdminSpec admin, List<AgentSpec> agents, List<TeamSpec> teams,
                List<CustomerSpec> customers, List<TicketSpec> tickets, List<CannedReplySpec> cannedReplies) {

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

    /** {@code texts}: language tag → text, in the order written (a JSON object keeps its order). */
    record CannedReplySpec(String title, String shortcut, Map<String, String> texts) {
    }

    /** {@code from}: {@code customer}, {@code agent} (the assignee) or {@code note} (an internal note by the assignee). */
    record MessageSpec(String from, String body) {
    }
}
