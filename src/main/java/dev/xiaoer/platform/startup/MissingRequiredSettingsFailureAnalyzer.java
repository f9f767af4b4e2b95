package dev.xiaoer.platform.startup;

import java.util.stream.Collectors;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Explains a missing production setting in the start-up log, and how to try Xiaoer without one. */
public final class MissingRequiredSettingsFailureAnalyzer extends AbstractFailureAnalyzer<MissingRequiredSettings> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MissingRequiredSettings cause) {
        var description = "Xiaoer is starting with its production settings, and these required settings are "
                + "missing:\n\n" + cause.settings().stream()
                .map(s -> "    " + s.name() + ": " + s.description())
                .collect(Collectors.joining("\n"));
        var action = "Set " + cause.settings().stream().map(MissingRequiredSettings.Setting::name)
                .collect(Collectors.joining(" and ")) + " in the environment and start again.\n\n"
                + "To try Xiaoer locally on its embedded database instead, run `./xiaoer` without --production "
                + "(or start the jar with --spring.profiles.active=dev): the dev profile needs no settings.";
        return new FailureAnalysis(description, action, cause);
    }
}
