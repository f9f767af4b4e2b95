package dev.xiaoer.platform.startup;

import java.util.ArrayList;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Refuses to start when a setting production cannot do without is missing, before anything is
 * created, instead of failing later with a placeholder or connection stack trace. The {@code dev}
 * and {@code test} profiles provide all of them; production takes them from the environment.
 */
public final class RequiredSettingsCheck implements EnvironmentPostProcessor, Ordered {

    static final int MIN_SECRET_LENGTH = 32;

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        var missing = new ArrayList<MissingRequiredSettings.Setting>();
        if (isBlank(environment.getProperty("spring.datasource.url"))) {
            missing.add(new MissingRequiredSettings.Setting("XIAOER_DB_URL",
                    "the JDBC URL of the PostgreSQL database, for example "
                            + "jdbc:postgresql://db.example.com:5432/xiaoer (user and password in XIAOER_DB_USER "
                            + "and XIAOER_DB_PASSWORD)"));
        }
        var secret = environment.getProperty("xiaoer.secret");
        if (isBlank(secret) || secret.length() < MIN_SECRET_LENGTH) {
            missing.add(new MissingRequiredSettings.Setting("XIAOER_SECRET",
                    "a random secret of at least " + MIN_SECRET_LENGTH + " characters that signs the customers' "
                            + "self-service links, for example from `openssl rand -base64 48`"
                            + (isBlank(secret) ? "" : " (the one given is too short)")));
        }
        if (!missing.isEmpty()) {
            throw new MissingRequiredSettings(missing);
        }
    }

    /** After the configuration files and profiles have been loaded. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
