package dev.xiaoer.workspace;

import dev.xiaoer.kernel.NotFound;
import dev.xiaoer.workspace.domain.WorkspaceRecord;
import dev.xiaoer.workspace.domain.WorkspaceRecords;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates and looks up workspaces. */
@Service
public class WorkspaceManagement {

    private final WorkspaceRecords records;
    private final Clock clock;

    WorkspaceManagement(WorkspaceRecords records, Clock clock) {
        this.records = records;
        this.clock = clock;
    }

    @Transactional
    public Workspace create(String name, Locale defaultLanguage, ZoneId timeZone, Currency currency) {
        var saved = records.save(WorkspaceRecord.create(UUID.randomUUID(), name, defaultLanguage.toLanguageTag(),
                timeZone.getId(), currency.getCurrencyCode(), clock.instant()));
        return saved.toWorkspace();
    }

    @Transactional(readOnly = true)
    public Optional<Workspace> find(WorkspaceId id) {
        return records.findById(id.value()).map(WorkspaceRecord::toWorkspace);
    }

    @Transactional(readOnly = true)
    public Workspace get(WorkspaceId id) {
        return find(id).orElseThrow(() -> new NotFound("workspace", id));
    }

    @Transactional(readOnly = true)
    public List<Workspace> all() {
        return records.findAllByOrderByCreatedAt().stream().map(WorkspaceRecord::toWorkspace).toList();
    }
}
