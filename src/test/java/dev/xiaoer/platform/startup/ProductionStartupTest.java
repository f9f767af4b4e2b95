package dev.xiaoer.platform.startup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xiaoer.XiaoerApplication;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.StandardEnvironment;

/** Starting without a profile is starting for production: it must be given what production needs. */
@ExtendWith(OutputCaptureExtension.class)
class ProductionStartupTest {

    private static final String DB_URL = "jdbc:postgresql://db.example.test:5432/xiaoer";
    private static final String SECRET = "0123456789abcdefghijklmnopqrstuvwxyz";

    @Test
    void refusesToStartWithoutADatabaseUrlAndSaysWhatToDo(CapturedOutput output) {
        var application = application(Map.of("XIAOER_SECRET", SECRET));

        assertThatThrownBy(application::run).isInstanceOf(MissingRequiredSettings.class)
                .hasMessageContaining("XIAOER_DB_URL");
        assertThat(output).contains("APPLICATION FAILED TO START", "XIAOER_DB_URL", "./xiaoer",
                "dev profile").doesNotContain("XIAOER_SECRET", "PlaceholderResolutionException", "\tat ");
    }

    @Test
    void refusesToStartWithoutASecret(CapturedOutput output) {
        var application = application(Map.of("XIAOER_DB_URL", DB_URL));

        assertThatThrownBy(application::run).isInstanceOf(MissingRequiredSettings.class);
        assertThat(output).contains("XIAOER_SECRET", "at least 32 characters").doesNotContain("XIAOER_DB_URL:");
    }

    @Test
    void refusesASecretThatIsTooShort(CapturedOutput output) {
        var application = application(Map.of("XIAOER_DB_URL", DB_URL, "XIAOER_SECRET", "short"));

        assertThatThrownBy(application::run).isInstanceOf(MissingRequiredSettings.class);
        assertThat(output).contains("XIAOER_SECRET", "too short");
    }

    @Test
    void namesBothWhenBothAreMissing(CapturedOutput output) {
        assertThatThrownBy(application(Map.of())::run).isInstanceOf(MissingRequiredSettings.class)
                .hasMessageContaining("XIAOER_DB_URL and XIAOER_SECRET");
        assertThat(output).contains("XIAOER_DB_URL:", "XIAOER_SECRET:");
    }

    @Test
    void passesTheCheckWhenBothAreGiven() {
        assertThat(preparedEnvironment(application(Map.of("XIAOER_DB_URL", DB_URL, "XIAOER_SECRET", SECRET))))
                .isInstanceOf(EnvironmentPrepared.class);
    }

    @Test
    void theDevelopmentProfileNeedsNoSettings() {
        var application = application(Map.of());
        application.setAdditionalProfiles("dev");

        assertThat(preparedEnvironment(application)).isInstanceOf(EnvironmentPrepared.class);
    }

    /** Runs the application up to a prepared environment, past the settings check, and stops it there. */
    private static Throwable preparedEnvironment(SpringApplication application) {
        application.addListeners((ApplicationListener<ApplicationEnvironmentPreparedEvent>) event -> {
            throw new EnvironmentPrepared();
        });
        try {
            application.run();
            return null;
        } catch (RuntimeException e) {
            return e;
        }
    }

    private static final class EnvironmentPrepared extends RuntimeException {
    }

    /** The application as `java -jar` starts it, with only the given environment variables. */
    private static SpringApplication application(Map<String, Object> variables) {
        var application = new SpringApplication(XiaoerApplication.class);
        application.setEnvironment(new StandardEnvironment() {
            @Override
            public Map<String, Object> getSystemEnvironment() {
                return variables;
            }
        });
        return application;
    }
}
