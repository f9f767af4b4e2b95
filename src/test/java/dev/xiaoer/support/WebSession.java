package dev.xiaoer.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A signed-in user's browser over plain HTTP: it keeps the session cookie, does not follow
 * redirects, and sends the CSRF token of its session with every form post and htmx request, as the
 * pages do.
 */
public final class WebSession {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
    private static final Pattern CSRF_META = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final String base;
    private String csrfToken;

    private WebSession(int port) {
        this.base = "http://localhost:" + port;
    }

    /** Signs in through the sign-in form and picks up the CSRF token of the new session. */
    public static WebSession signIn(int port, String email, String password) {
        var session = new WebSession(port);
        session.csrfToken = session.token(CSRF_FIELD, session.send("GET", "/login", false, Map.of()).body());
        var signedIn = session.send("POST", "/login", false, Map.of("username", email, "password", password));
        assertThat(signedIn.statusCode()).as("sign-in of " + email).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElse("")).doesNotContain("/login");
        session.csrfToken = session.token(CSRF_META, session.send("GET", "/", false, Map.of()).body());
        return session;
    }

    /** A page request as a link or form (GET, or POST with the token as a field) or as htmx (token in a header). */
    public HttpResponse<String> send(String method, String path, boolean htmx) {
        return send(method, path, htmx, Map.of());
    }

    private HttpResponse<String> send(String method, String path, boolean htmx, Map<String, String> fields) {
        var request = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html");
        if (htmx) {
            request.header("HX-Request", "true").header("X-CSRF-TOKEN", csrfToken);
        }
        if (method.equals("GET")) {
            request.GET();
        } else {
            var form = new java.util.LinkedHashMap<>(fields);
            if (!htmx) {
                form.put("_csrf", csrfToken);
            }
            request.header("Content-Type", "application/x-www-form-urlencoded")
                    .method(method, HttpRequest.BodyPublishers.ofString(form.entrySet().stream()
                            .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                            .collect(Collectors.joining("&"))));
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String token(Pattern pattern, String page) {
        var matcher = pattern.matcher(page);
        assertThat(matcher.find()).as("a CSRF token on the page").isTrue();
        return matcher.group(1);
    }
}
