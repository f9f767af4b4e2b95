package dev.xiaoer.identity.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * API token secrets carry 256 random bits, so a single SHA-256 is a safe and fast way to store
 * them: unlike a password, a secret this long cannot be guessed, and a per-request bcrypt would
 * cost tens of milliseconds.
 */
public final class TokenHashing {

    public static final String PREFIX = "xo_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private TokenHashing() {
    }

    public static String newSecret() {
        var bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String hash(String secret) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
