package dev.xiaoer.ticket.infra;

import dev.xiaoer.workspace.WorkspaceId;
import java.sql.DatabaseMetaData;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands out ticket numbers, #1001 upward per workspace, from a counter row that the database
 * increments. Each number is taken in a short transaction of its own, so the counter row is locked
 * only for that moment rather than for the whole ticket creation: numbers are unique under any
 * concurrency, and a number whose ticket then fails is simply skipped.
 * <p>
 * On PostgreSQL that transaction commits without waiting for its WAL flush: the row lock would
 * otherwise be held through a disk sync per ticket, capping a workspace at one ticket per sync.
 * Nothing is lost by it: the ticket that uses the number commits later with a full flush, which
 * makes the counter's earlier change durable too; a crash before that loses only an unused number.
 */
@Component
public class TicketNumbers {

    static final long FIRST = 1001;

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;
    private final boolean postgres;

    TicketNumbers(JdbcClient jdbc, PlatformTransactionManager transactions, DataSource dataSource)
            throws MetaDataAccessException {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.postgres = "PostgreSQL".equals(
                JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName));
    }

    /**
     * The next number of this workspace. Call it outside a transaction where possible: inside one,
     * it needs a second database connection while the first is held.
     */
    public long next(WorkspaceId workspace) {
        return ownTransaction.execute(status -> {
            if (postgres) {
                jdbc.sql("SET LOCAL synchronous_commit TO OFF").update();
            }
            var taken = increment(workspace);
            if (taken == null) {
                jdbc.sql("INSERT INTO ticket_counters (workspace_id, last_number) VALUES (?, ?) ON CONFLICT DO NOTHING")
                        .params(workspace.value(), FIRST - 1).update();
                taken = increment(workspace);
            }
            return taken;
        });
    }

    private Long increment(WorkspaceId workspace) {
        var keys = new GeneratedKeyHolder();
        var updated = jdbc.sql("UPDATE ticket_counters SET last_number = last_number + 1 WHERE workspace_id = ?")
                .param(workspace.value()).update(keys, "last_number");
        return updated == 0 ? null : keys.getKeyAs(Long.class);
    }
}
