package dev.xiaoer.channel.chat;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A merchant vouches for a signed-in shopper by signing their user id on its own backend:
 * {@code HMAC-SHA256(secret, userId)} as lowercase hex, with the secret and the user id as UTF-8.
 * The widget passes the id and the signature on; a visitor cannot make a signature for another
 * user id without the secret.
 */
final class VisitorIdentity {

    private static final int SECRET_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Up to 128 visible characters: ids, e-mail addresses, whatever the shop uses. */
    private static final Pattern USER_ID = Pattern.compile("[^\\s\\p{Cntrl}]{1,128}");

    private VisitorIdentity() {
    }

    static String newSecret() {
        var bytes = new byte[SECRET_BYTES];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    static boolean isValidUserId(String userId) {
        return userId != null && USER_ID.matcher(userId).matches();
    }

    static String sign(String secret, String userId) {
        return HexFormat.of().formatHex(hmac(secret, userId));
    }

    /** Compares in constant time, so that timing tells nothing about how much of a forged hash is right. */
    static boolean verifies(String secret, String userId, String hash) {
        if (secret == null || hash == null) {
            return false;
        }
        return MessageDigest.isEqual(sign(secret, userId).getBytes(StandardCharsets.US_ASCII),
                hash.getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] hmac(String secret, String userId) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(userId.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException unavailable) {
            throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", unavailable);
        }
    }
}
