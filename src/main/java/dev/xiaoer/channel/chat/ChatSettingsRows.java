package dev.xiaoer.channel.chat;

import dev.xiaoer.workspace.WorkspaceId;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Each workspace's live chat settings ({@code chat_settings}); a workspace without a row has none. */
@Repository
class ChatSettingsRows {

    private final JdbcClient jdbc;
    private final Clock clock;

    ChatSettingsRows(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    ChatSettings find(WorkspaceId workspace) {
        return jdbc.sql("SELECT allowed_origins, signing_secret, business_hours, assistant_first"
                        + " FROM chat_settings WHERE workspace_id = ?")
                .param(workspace.value())
                .query((rs, n) -> new ChatSettings(lines(rs.getString(1)), rs.getString(2),
                        ChatHours.parse(rs.getString(3)).hours(), rs.getBoolean(4)))
                .optional().orElse(ChatSettings.NONE);
    }

    /** The settings, with a signing secret made now if the workspace had none yet. */
    ChatSettings withSecret(WorkspaceId workspace) {
        var settings = find(workspace);
        if (settings.signingSecret() != null) {
            return settings;
        }
        ensureRow(workspace);
        // Two admins opening the page at once keep whichever secret was stored first.
        jdbc.sql("""
                UPDATE chat_settings SET signing_secret = ?, updated_at = ?
                WHERE workspace_id = ? AND signing_secret IS NULL""")
                .params(VisitorIdentity.newSecret(), Timestamp.from(clock.instant()), workspace.value())
                .update();
        return find(workspace);
    }

    void saveAllowedOrigins(WorkspaceId workspace, List<String> origins) {
        ensureRow(workspace);
        jdbc.sql("UPDATE chat_settings SET allowed_origins = ?, updated_at = ? WHERE workspace_id = ?")
                .params(String.join("\n", origins), Timestamp.from(clock.instant()), workspace.value())
                .update();
    }

    void saveHours(WorkspaceId workspace, ChatHours hours) {
        ensureRow(workspace);
        jdbc.sql("UPDATE chat_settings SET business_hours = ?, updated_at = ? WHERE workspace_id = ?")
                .params(hours.text(), Timestamp.from(clock.instant()), workspace.value())
                .update();
    }

    void saveAssistantFirst(WorkspaceId workspace, boolean assistantFirst) {
        ensureRow(workspace);
        jdbc.sql("UPDATE chat_settings SET assistant_first = ?, updated_at = ? WHERE workspace_id = ?")
                .params(assistantFirst, Timestamp.from(clock.instant()), workspace.value())
                .update();
    }

    /** Replaces the secret: signatures made with the old one stop admitting visitors at once. */
    void regenerateSecret(WorkspaceId workspace) {
        ensureRow(workspace);
        jdbc.sql("UPDATE chat_settings SET signing_secret = ?, updated_at = ? WHERE workspace_id = ?")
                .params(VisitorIdentity.newSecret(), Timestamp.from(clock.instant()), workspace.value())
                .update();
    }

    private void ensureRow(WorkspaceId workspace) {
        jdbc.sql("""
                INSERT INTO chat_settings (workspace_id, allowed_origins, updated_at) VALUES (?, '', ?)
                ON CONFLICT DO NOTHING""")
                .params(workspace.value(), Timestamp.from(clock.instant()))
                .update();
    }

    private static List<String> lines(String text) {
        return text == null || text.isEmpty() ? List.of() : Arrays.asList(text.split("\n"));
    }
}
