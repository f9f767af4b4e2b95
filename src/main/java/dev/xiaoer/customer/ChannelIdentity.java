package dev.xiaoer.customer;

import java.util.Locale;
import java.util.Objects;

/**
 * How a customer is known on one channel. Values are normalised so that the same person is found
 * again: e-mail addresses in lower case, phone numbers as digits with an optional leading +.
 */
public record ChannelIdentity(IdentityType type, String value) {

    public static final int MAX_LENGTH = 254;

    public ChannelIdentity {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(value, "value");
        value = normalise(type, value);
        if (value.isEmpty() || value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("identity value must have 1 to " + MAX_LENGTH + " characters");
        }
    }

    public static ChannelIdentity email(String address) {
        return new ChannelIdentity(IdentityType.EMAIL, address);
    }

    public static ChannelIdentity phone(String number) {
        return new ChannelIdentity(IdentityType.PHONE, number);
    }

    private static String normalise(IdentityType type, String value) {
        var trimmed = value.strip();
        return switch (type) {
            case EMAIL -> trimmed.toLowerCase(Locale.ROOT);
            case PHONE -> (trimmed.startsWith("+") ? "+" : "") + trimmed.replaceAll("[^0-9]", "");
            default -> trimmed;
        };
    }
}
