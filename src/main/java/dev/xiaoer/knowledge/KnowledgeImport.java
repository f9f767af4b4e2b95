package dev.xiaoer.knowledge;

import dev.xiaoer.workspace.WorkspaceId;
import java.time.Instant;

/**
 * An import of FAQ entries or articles from a file, and how far it got: of {@code total} rows,
 * {@code processed} are done, each {@code created}, {@code updated}, {@code unchanged} (already so)
 * or {@code failed} (see its {@link ImportRowError}).
 */
public record KnowledgeImport(ImportId id, WorkspaceId workspace, ImportKind kind, String fileName,
                              ImportStatus status, int total, int processed, int created, int updated, int unchanged,
                              int failed, String startedBy, Instant createdAt, Instant finishedAt) {

    /** Done so far, 0 to 100. */
    public int percent() {
        return total == 0 ? 100 : (int) (100L * processed / total);
    }
}
