package dev.xiaoer.platform.startup;

import java.util.List;
import java.util.stream.Collectors;

/** Settings that production must be given, found missing at start-up. */
public final class MissingRequiredSettings extends RuntimeException {

    record Setting(String name, String description) {
    }

    private final List<Setting> settings;

    MissingRequiredSettings(List<Setting> settings) {
        super("Xiaoer cannot start without " + settings.stream().map(Setting::name).collect(Collectors.joining(" and "))
                + "; set it in the environment, or run the local try-out with `./xiaoer` (dev profile)");
        this.settings = List.copyOf(settings);
    }

    List<Setting> settings() {
        return settings;
    }
}
