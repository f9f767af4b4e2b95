package dev.xiaoer.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xiaoer.support.BrowserSession;
import dev.xiaoer.support.IntegrationTest;
import dev.xiaoer.support.TestWorkspaces;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The browser app's sign-in and its protections, over real HTTP as a browser would use them. */
@IntegrationTest
class WebSignInIT {

    private static final String SESSION = BrowserSession.SESSION_COOKIE;

    @LocalServerPort
    int port;

    @Autowired
    TestWorkspaces workspaces;

    @Test
    void signingInWithTheRightPasswordWorksAndGivesANewSessionId() {
        var shop = workspaces.create("Sign-in Seeds");
        var browser = new BrowserSession(port);

        var form = browser.get("/login");
        var before = browser.cookie(SESSION).orElseThrow();
        var signIn = browser.submit("/login", Map.of("username", shop.admin().email(),
                "password", TestWorkspaces.PASSWORD));
        var after = browser.cookie(SESSION).orElseThrow();

        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("name=\"username\"", "name=\"password\"", "name=\"_csrf\"");
        assertThat(signIn.statusCode()).isEqualTo(302);
        assertThat(location(signIn)).doesNotContain("/login");
        assertThat(after).as("session fixation: the id changes at sign-in").isNotEqualTo(before);
        assertThat(isSignedIn(browser)).isTrue();

        browser.setCookie(SESSION, before);
        assertThat(isSignedIn(browser)).as("the pre-sign-in session id is worth nothing").isFalse();
    }

    @Test
    void aWrongPasswordShowsTheFormAgain() {
        var shop = workspaces.create("Wrong Password Tea");
        var browser = new BrowserSession(port);

        var signIn = browser.signIn(shop.admin().email(), "not the password");
        var form = browser.get(location(signIn));

        assertThat(signIn.statusCode()).isEqualTo(302);
        assertThat(location(signIn)).endsWith("/login?error");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("The e-mail or password is not right", "name=\"password\"");
        assertThat(isSignedIn(browser)).isFalse();
    }

    @Test
    void afterFiveFailuresEvenTheRightPasswordIsRefusedForAWhile() {
        var shop = workspaces.create("Throttled Rice");
        var browser = new BrowserSession(port);
        for (int i = 0; i < 5; i++) {
            assertThat(location(browser.signIn(shop.admin().email(), "guess " + i))).endsWith("/login?error");
        }

        var signIn = browser.signIn(shop.admin().email(), TestWorkspaces.PASSWORD);

        assertThat(location(signIn)).endsWith("/login?throttled");
        assertThat(browser.get(location(signIn)).body()).contains("Too many attempts");
        assertThat(isSignedIn(browser)).isFalse();
    }

    @Test
    void formsWithoutTheCsrfTokenAreRefused() {
        var shop = workspaces.create("Forged Forms");
        var browser = new BrowserSession(port);
        browser.get("/login");

        var signIn = browser.post("/login", Map.of("username", shop.admin().email(),
                "password", TestWorkspaces.PASSWORD));
        var forged = browser.post("/login", Map.of("username", shop.admin().email(),
                "password", TestWorkspaces.PASSWORD, "_csrf", "forged"));

        assertThat(signIn.statusCode()).isEqualTo(403);
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(isSignedIn(browser)).isFalse();

        browser.signIn(shop.admin().email(), TestWorkspaces.PASSWORD);
        assertThat(isSignedIn(browser)).isTrue();
        assertThat(browser.post("/logout", Map.of()).statusCode()).as("sign-out is a form too").isEqualTo(403);
        assertThat(isSignedIn(browser)).isTrue();
    }

    @Test
    void pagesCarryTheSecureHeaders() {
        var page = new BrowserSession(port).get("/login");

        var headers = page.headers();
        assertThat(headers.firstValue("Content-Security-Policy")).get().asString()
                .contains("default-src 'self'", "script-src 'self'", "object-src 'none'", "frame-ancestors 'none'");
        assertThat(headers.firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(headers.firstValue("X-Frame-Options")).contains("DENY");
        assertThat(headers.firstValue("Referrer-Policy")).contains("same-origin");
        assertThat(headers.firstValue("Cache-Control")).get().asString().contains("no-store");
    }

    @Test
    void aSignedInUserWithoutTheAdminRoleIsForbiddenFromAdminPages() {
        var shop = workspaces.create("Role Check Farm");
        var agent = workspaces.user(shop.workspace(), Role.AGENT);
        var browser = new BrowserSession(port);
        browser.signIn(agent.email(), TestWorkspaces.PASSWORD);

        assertThat(isSignedIn(browser)).isTrue();
        assertThat(browser.get("/admin/api-tokens").statusCode()).isEqualTo(403);
        assertThat(browser.get("/admin").statusCode()).isEqualTo(403);
    }

    /** Signed in: the app does not send the browser back to the sign-in page. */
    private static boolean isSignedIn(BrowserSession browser) {
        var home = browser.get("/");
        return !(home.statusCode() == 302 && location(home).contains("/login"));
    }

    private static String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location").map(l -> l.replaceFirst("^https?://[^/]+", ""))
                .orElse("");
    }
}
