package dev.xiaoer.support;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

/**
 * A real, headless Chromium (Debian's {@code /usr/bin/chromium}) driven by Playwright. Playwright
 * is told never to download a browser. Test classes that use it carry {@link RequiresBrowser}, which
 * skips them (or, in CI, fails them) where Chromium is missing.
 */
public final class Browser implements AutoCloseable {

    public static final Path SCREENSHOTS = Paths.get("target", "screenshots");

    private final Playwright playwright;
    private final com.microsoft.playwright.Browser chromium;

    private Browser(Playwright playwright, com.microsoft.playwright.Browser chromium) {
        this.playwright = playwright;
        this.chromium = chromium;
    }

    public static Browser launch() {
        var playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        try {
            var chromium = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(RequiresBrowser.CHROMIUM)
                    .setHeadless(true)
                    .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking")));
            return new Browser(playwright, chromium);
        } catch (RuntimeException e) {
            playwright.close();
            throw e;
        }
    }

    /** A fresh browser profile (no cookies) on a desktop screen, with an English-speaking browser. */
    public BrowserContext desktop(int port) {
        return context(port, "en-US", 1280, 860);
    }

    /** A fresh browser profile with the given browser language and screen size. */
    public BrowserContext context(int port, String language, int width, int height) {
        var context = chromium.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setBaseURL("http://localhost:" + port)
                .setLocale(language)
                .setViewportSize(width, height));
        context.setDefaultTimeout(15_000);
        return context;
    }

    /** Signs in through the sign-in page and waits for the page it leads to. */
    public static void signIn(Page page, String email, String password) {
        page.navigate("/login");
        page.locator("#username").fill(email);
        page.locator("#password").fill(password);
        page.locator("form button[type=submit]").click();
        page.waitForURL(url -> !url.contains("/login"));
    }

    /** Saves what the page looks like now as {@code target/screenshots/<name>.png}. */
    public static Path screenshot(Page page, String name) {
        var file = SCREENSHOTS.resolve(name + ".png");
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
        return file;
    }

    @Override
    public void close() {
        try {
            chromium.close();
        } finally {
            playwright.close();
        }
    }
}
