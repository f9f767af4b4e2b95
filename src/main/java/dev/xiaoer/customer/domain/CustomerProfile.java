package dev.xiaoer.customer.domain;

import dev.xiaoer.customer.ChannelIdentity;
import dev.xiaoer.customer.CustomerChanges;
import dev.xiaoer.customer.IdentityType;
import dev.xiaoer.customer.InvalidIdentity;
import dev.xiaoer.customer.NewCustomer;
import dev.xiaoer.kernel.InvalidInput;
import java.util.Locale;
import java.util.function.Function;

/**
 * The descriptive fields of a customer, normalised the way they are stored and searched: e-mail in
 * lower case, phone as digits with an optional leading +, language as a BCP 47 tag ({@code zh-CN}),
 * tier in lower case ({@code vip}). Optional fields are {@code null} when empty.
 */
public record CustomerProfile(String name, String email, String phone, String language, String tier, String notes) {

    public static final int NAME_MAX = 200;
    public static final int EMAIL_MAX = 254;
    public static final int PHONE_MAX = 40;
    public static final int LANGUAGE_MAX = 16;
    public static final int TIER_MAX = 40;
    public static final int NOTES_MAX = 4000;

    public CustomerProfile {
        if (name == null || name.isBlank()) {
            throw new InvalidInput("name", "customer-name-required");
        }
        name = limited("name", name.strip(), NAME_MAX);
        email = limited("email", optional(email, value -> value.toLowerCase(Locale.ROOT)), EMAIL_MAX);
        phone = limited("phone", optional(phone, CustomerProfile::phoneDigits), PHONE_MAX);
        language = limited("language", optional(language, CustomerProfile::languageTag), LANGUAGE_MAX);
        tier = limited("tier", optional(tier, value -> value.toLowerCase(Locale.ROOT)), TIER_MAX);
        notes = limited("notes", optional(notes, Function.identity()), NOTES_MAX);
    }

    public static CustomerProfile of(NewCustomer customer) {
        return new CustomerProfile(customer.name(), customer.email(), customer.phone(), customer.language(),
                customer.tier(), customer.notes());
    }

    /** The profile with the given changes: {@code null} keeps a field, an empty string clears it. */
    public CustomerProfile apply(CustomerChanges changes) {
        return new CustomerProfile(changes.name() == null ? name : changes.name(),
                changes.email() == null ? email : changes.email(),
                changes.phone() == null ? phone : changes.phone(),
                changes.language() == null ? language : changes.language(),
                changes.tier() == null ? tier : changes.tier(),
                changes.notes() == null ? notes : changes.notes());
    }

    /** When merging: this profile wins, and its empty fields are filled from the other one's. */
    public CustomerProfile fillEmptyFrom(CustomerProfile other) {
        return new CustomerProfile(name, email == null ? other.email : email, phone == null ? other.phone : phone,
                language == null ? other.language : language, tier == null ? other.tier : tier,
                notes == null ? other.notes : notes);
    }

    /** The identity the profile's e-mail address stands for, if it has one that can identify anyone. */
    public ChannelIdentity emailIdentity() {
        return email == null ? null : ChannelIdentity.parse("email", IdentityType.EMAIL, email);
    }

    public ChannelIdentity phoneIdentity() {
        return phone == null ? null : ChannelIdentity.parse("phone", IdentityType.PHONE, phone);
    }

    private static String optional(String value, Function<String, String> normalise) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return normalise.apply(value.strip());
    }

    private static String limited(String field, String value, int max) {
        if (value != null && value.length() > max) {
            throw new InvalidInput(field, "customer-field-too-long", max);
        }
        return value;
    }

    private static String phoneDigits(String value) {
        if (value.chars().noneMatch(Character::isDigit)) {
            throw new InvalidIdentity("phone", IdentityType.PHONE);
        }
        return ChannelIdentity.phone(value).value();
    }

    private static String languageTag(String value) {
        var tag = Locale.forLanguageTag(value.replace('_', '-')).toLanguageTag();
        if ("und".equals(tag)) {
            throw new InvalidInput("language", "customer-language-invalid", value);
        }
        return tag;
    }
}
