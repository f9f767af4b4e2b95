package dev.xiaoer.knowledge.infra;

import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import dev.xiaoer.knowledge.ImportId;
import dev.xiaoer.knowledge.KnowledgeImports;
import java.time.Duration;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Runs an import in the background as a db-scheduler task keyed by the import: one node at a time
 * runs it, another takes over when that node dies, and a run stopped by a fault is tried again (from
 * the first row not yet done) a few times before the import is marked failed.
 */
@Configuration(proxyBeanMethods = false)
public class ImportTask {

    public static final TaskDescriptor<String> IMPORT = TaskDescriptor.of("knowledge-import", String.class);

    private static final Logger log = LoggerFactory.getLogger(ImportTask.class);

    @Bean
    OneTimeTask<String> knowledgeImport(KnowledgeImports imports) {
        return Tasks.oneTime(IMPORT)
                .onFailure(new FailureHandler.MaxRetriesFailureHandler<>(5,
                        new FailureHandler.ExponentialBackoffFailureHandler<>(Duration.ofSeconds(10)),
                        (complete, operations) -> {
                            var id = String.valueOf(complete.getExecution().taskInstance.getData());
                            log.error("Import {} failed for good", id, complete.getCause().orElse(null));
                            imports.fail(new ImportId(UUID.fromString(id)));
                            operations.stop();
                        }))
                .execute((instance, context) -> imports.run(new ImportId(UUID.fromString(instance.getData()))));
    }
}
