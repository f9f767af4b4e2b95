package dev.xiaoer.support;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Base of the browser tests: one Chromium for all tests of a class, each test opening its own
 * fresh browser context. Subclasses carry {@link RequiresBrowser} and {@link IntegrationTest}.
 */
public abstract class BrowserTest {

    protected static Browser browser;

    @BeforeAll
    static void launchBrowser() {
        browser = Browser.launch();
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }
}
