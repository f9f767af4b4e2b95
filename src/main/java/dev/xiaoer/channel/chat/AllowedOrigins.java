package dev.xiaoer.channel.chat;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads the allowed origins an admin types, one per line, into the form browsers send in their
 * {@code Origin} header: {@code https://shop.example.com} or {@code http://localhost:3000}, lower
 * case, without a default port or a trailing slash.
 */
final class AllowedOrigins {

    static final int MAX_COUNT = 25;
    static final int MAX_LENGTH = 200;

    private AllowedOrigins() {
    }

    /** The lines read, or the lines that are not origins. */
    record Parsed(List<String> origins, List<String> invalid) {
    }

    static Parsed parse(String text) {
        var origins = new LinkedHashSet<String>();
        var invalid = new ArrayList<String>();
        (text == null ? "" : text).lines().map(String::strip).filter(line -> !line.isEmpty()).forEach(line ->
                normalise(line).ifPresentOrElse(origins::add, () -> invalid.add(line)));
        return new Parsed(List.copyOf(origins), List.copyOf(invalid));
    }

    static Optional<String> normalise(String origin) {
        if (origin.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        URI uri;
        try {
            uri = new URI(origin);
        } catch (URISyntaxException notAUri) {
            return Optional.empty();
        }
        var scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        var path = uri.getRawPath();
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null || uri.getRawUserInfo() != null
                || path != null && !path.isEmpty() && !path.equals("/") || uri.getRawQuery() != null
                || uri.getRawFragment() != null) {
            return Optional.empty();
        }
        var defaultPort = scheme.equals("https") ? 443 : 80;
        var port = uri.getPort() == -1 || uri.getPort() == defaultPort ? "" : ":" + uri.getPort();
        return Optional.of(scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + port);
    }
}
