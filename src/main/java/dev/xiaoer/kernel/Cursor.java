package dev.xiaoer.kernel;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * A keyset position: the sort instant and id of the last row a client saw. Encoded as URL-safe
 * Base64 so that clients treat it as opaque; a tampered cursor is reported against {@code cursor}.
 */
public record Cursor(Instant at, UUID id) {

    public String encode() {
        var raw = at.getEpochSecond() + ":" + at.getNano() + ":" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    public static Cursor decode(String encoded) {
        try {
            var parts = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8).split(":");
            var instant = Instant.ofEpochSecond(Long.parseLong(parts[0]), Integer.parseInt(parts[1]));
            return new Cursor(instant, UUID.fromString(parts[2]));
        } catch (RuntimeException e) {
            throw new InvalidInput("cursor", "invalid-cursor");
        }
    }
}
