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

    /**
     * Input from a client: refused as {@link InvalidIdentity} against {@code field} when it cannot
     * identify anyone (empty, too long, an e-mail address without {@code @}, a phone number without digits).
     */
    public static ChannelIdentity parse(String field, IdentityType type, String value) {
        if (type == null || value == null) {
            throw new InvalidIdentity(field, type == null ? IdentityType.EXTERNAL : type);
        }
        var normalised = normalise(type, value);
        var plausible = !normalised.isEmpty() && normalised.length() <= MAX_LENGTH && switch (type) {
            case EMAIL -> normalised.indexOf('@') > 0 && normalised.indexOf('@') < normalised.length() - 1
                    && normalised.chars().noneMatch(Character::isWhitespace);
            case PHONE -> normalised.replace("+", "").length() >= 3;
            default -> true;
        };
        if (!plausible) {
            throw new InvalidIdentity(field, type);
        }
        return new ChannelIdentity(type, normalised);
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
