package dev.xiaoer.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xiaoer.support.IntegrationTest;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * CI's second pass runs the integration tests against PostgreSQL and sets
 * {@code xiaoer.require.postgresql=true}; this makes that pass fail if the application quietly ran
 * on the embedded H2 instead (for example because XIAOER_DB_URL did not reach the tests).
 */
@IntegrationTest
class DatabaseEngineIT {

    @Autowired
    DataSource dataSource;

    @Test
    void runsOnPostgreSqlWhenCiRequiresIt() throws SQLException {
        String product;
        String version;
        try (var connection = dataSource.getConnection()) {
            product = connection.getMetaData().getDatabaseProductName();
            version = connection.getMetaData().getDatabaseProductVersion();
        }
        System.out.println("Integration tests ran on " + product + " " + version);

        if (Boolean.getBoolean("xiaoer.require.postgresql")) {
            assertThat(product).as("xiaoer.require.postgresql=true, so the tests must run on PostgreSQL")
                    .isEqualTo("PostgreSQL");
        } else {
            assertThat(product).isIn("H2", "PostgreSQL");
        }
    }
}
