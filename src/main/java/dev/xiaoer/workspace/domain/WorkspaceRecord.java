package dev.xiaoer.workspace.domain;

import dev.xiaoer.workspace.Workspace;
import dev.xiaoer.workspace.WorkspaceId;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Locale;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

@Table("workspaces")
public record WorkspaceRecord(@Id UUID id, String name, String defaultLanguage, String timeZone, String currency,
                              Instant createdAt, @Version Long version) {

    public static WorkspaceRecord create(UUID id, String name, String defaultLanguage, String timeZone,
                                         String currency, Instant createdAt) {
        return new WorkspaceRecord(id, name, defaultLanguage, timeZone, currency, createdAt, null);
    }

    public Workspace toWorkspace() {
        return new Workspace(new WorkspaceId(id), name, Locale.forLanguageTag(defaultLanguage), ZoneId.of(timeZone),
                Currency.getInstance(currency));
    }
}
