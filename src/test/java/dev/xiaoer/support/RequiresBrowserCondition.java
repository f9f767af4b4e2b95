package dev.xiaoer.support;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Runs {@link RequiresBrowser} tests when Chromium is installed; skips or fails them when it is not. */
final class RequiresBrowserCondition implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return evaluate(RequiresBrowser.CHROMIUM, Boolean.getBoolean(RequiresBrowser.REQUIRED_PROPERTY));
    }

    static ConditionEvaluationResult evaluate(Path browser, boolean required) {
        if (Files.isExecutable(browser)) {
            return ConditionEvaluationResult.enabled("Browser found at " + browser);
        }
        if (required) {
            throw new IllegalStateException(RequiresBrowser.REQUIRED_PROPERTY + "=true but there is no browser at "
                    + browser + ": install Debian's chromium (apt-get install chromium), or run without "
                    + "-D" + RequiresBrowser.REQUIRED_PROPERTY + "=true to skip the browser tests");
        }
        var reason = "Skipped: no browser at " + browser + " (install Debian's chromium to run this test)";
        System.out.println(reason);
        return ConditionEvaluationResult.disabled(reason);
    }
}
