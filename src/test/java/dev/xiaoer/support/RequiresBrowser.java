package dev.xiaoer.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test that drives a real browser: Debian's Chromium at {@link #CHROMIUM}. Without it the test is
 * skipped, with the reason printed; but when the system property {@code xiaoer.require.browser} is
 * {@code true} (as CI sets it) a missing browser fails the test instead, so CI cannot pass by
 * silently skipping the browser tests.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RequiresBrowserCondition.class)
public @interface RequiresBrowser {

    /** Launch Playwright with {@code setExecutablePath(RequiresBrowser.CHROMIUM)}. */
    Path CHROMIUM = Path.of("/usr/bin/chromium");

    String REQUIRED_PROPERTY = "xiaoer.require.browser";
}
