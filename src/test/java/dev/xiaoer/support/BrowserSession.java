package dev.xiaoer.support;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser's view of the web app over real HTTP, without a browser: it keeps cookies, does not
 * follow redirects (so tests see them), and fills in the CSRF token of the last page it loaded.
 */
public final class BrowserSession {

    /** The name of the sign-in session's cookie (server.servlet.session.cookie.name). */
    public static final String SESSION_COOKIE = "XIAOER_SESSION";

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
    /** Every page of the shell carries its session's token here, for htmx. */
    private static final Pattern CSRF_META = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final String base;
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private String csrfToken;

    public BrowserSession(int port) {
        this.base = "http://localhost:" + port;
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    /** Posts a form with the CSRF token of the last page loaded, as the browser would. */
    public HttpResponse<String> submit(String path, Map<String, String> fields) {
        var withToken = new LinkedHashMap<>(fields);
        if (csrfToken != null) {
            withToken.put("_csrf", csrfToken);
        }
        return post(path, withToken);
    }

    /** Posts a form exactly as given: no CSRF token unless the fields hold one. */
    public HttpResponse<String> post(String path, Map<String, String> fields) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields))));
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /**
     * Sends what htmx sends for an {@code hx-post} (or another method) on a page loaded before:
     * the {@code HX-Request} header and the page's CSRF token as a header.
     */
    public HttpResponse<String> htmx(String method, String path) {
        return htmx(method, path, Map.of());
    }

    /** The same, with the fields of the form htmx sends (form-encoded, as {@code hx-post} on a form does). */
    public HttpResponse<String> htmx(String method, String path, Map<String, String> fields) {
        var request = HttpRequest.newBuilder(URI.create(base + path)).header("HX-Request", "true");
        if (csrfToken != null) {
            request.header("X-CSRF-TOKEN", csrfToken);
        }
        if (fields.isEmpty()) {
            return send(request.method(method, HttpRequest.BodyPublishers.noBody()));
        }
        request.header("Content-Type", "application/x-www-form-urlencoded");
        return send(request.method(method, HttpRequest.BodyPublishers.ofString(form(fields))));
    }

    /** Loads the sign-in page and submits it. */
    public HttpResponse<String> signIn(String email, String password) {
        get("/login");
        return submit("/login", Map.of("username", email, "password", password));
    }

    public Optional<String> cookie(String name) {
        return Optional.ofNullable(cookies.get(name));
    }

    /** Replaces a cookie, e.g. to come back with an old session id. */
    public void setCookie(String name, String value) {
        cookies.put(name, value);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; ")));
        }
        request.header("Accept", "text/html");
        try {
            var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            response.headers().allValues("Set-Cookie").forEach(this::remember);
            for (var pattern : List.of(CSRF_FIELD, CSRF_META)) {
                var token = pattern.matcher(response.body());
                if (token.find()) {
                    csrfToken = token.group(1);
                    break;
                }
            }
            return response;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void remember(String setCookie) {
        var pair = setCookie.split(";", 2)[0];
        var eq = pair.indexOf('=');
        if (eq <= 0) {
            return;
        }
        var name = pair.substring(0, eq).trim();
        if (setCookie.toLowerCase(java.util.Locale.ROOT).contains("max-age=0")) {
            cookies.remove(name);
        } else {
            cookies.put(name, pair.substring(eq + 1).trim());
        }
    }
}
