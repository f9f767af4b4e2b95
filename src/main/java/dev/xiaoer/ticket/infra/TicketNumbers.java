package dev.xiaoer.ticket.infra;

import dev.xiaoer.workspace.WorkspaceId;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands out ticket numbers, #1001 upward per workspace, from a database sequence of the workspace's
 * own. A sequence takes no row lock and needs no commit, so concurrent creations never wait on each
 * other for a number (a counter row did: every creation queued on its lock, which halved the rate
 * of ticket creation on PostgreSQL). Numbers are unique under any concurrency and across nodes; a
 * number whose ticket then fails is simply skipped.
 * <p>
 * The sequence is made on a workspace's first ticket (or, for data from before sequences, its
 * first ticket since), starting after the highest number the workspace already has.
 */
@Component
public class TicketNumbers {

    static final long FIRST = 1001;

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;
    private final Set<WorkspaceId> sequencesMade = ConcurrentHashMap.newKeySet();

    TicketNumbers(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The next number of this workspace. */
    public long next(WorkspaceId workspace) {
        var sequence = sequenceOf(workspace);
        if (!sequencesMade.contains(workspace)) {
            makeSequence(workspace, sequence);
            sequencesMade.add(workspace);
        }
        return jdbc.sql("SELECT nextval('" + sequence + "')").query(Long.class).single();
    }

    /**
     * Runs in a transaction of its own, as H2 commits the surrounding transaction on any DDL. When
     * another node makes the same sequence at the same moment, PostgreSQL may refuse the second
     * CREATE ... IF NOT EXISTS; the retry then finds the sequence there.
     */
    private void makeSequence(WorkspaceId workspace, String sequence) {
        try {
            createIfMissing(workspace, sequence);
        } catch (DataAccessException raced) {
            createIfMissing(workspace, sequence);
        }
    }

    private void createIfMissing(WorkspaceId workspace, String sequence) {
        ownTransaction.executeWithoutResult(status -> {
            var highest = jdbc.sql("SELECT MAX(number) FROM tickets WHERE workspace_id = ?")
                    .param(workspace.value()).query(Long.class).optional().orElse(FIRST - 1);
            jdbc.sql("CREATE SEQUENCE IF NOT EXISTS " + sequence + " START WITH " + (highest + 1)).update();
        });
    }

    /** A name made of the workspace id's hex digits only, so it is safe to put into SQL. */
    private static String sequenceOf(WorkspaceId workspace) {
        return "ticket_numbers_" + workspace.value().toString().replace("-", "").toLowerCase(Locale.ROOT);
    }
}
