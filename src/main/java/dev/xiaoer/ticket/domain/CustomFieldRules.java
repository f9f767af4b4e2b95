package dev.xiaoer.ticket.domain;

import dev.xiaoer.kernel.InvalidInput;
import dev.xiaoer.ticket.CustomFieldType;
import dev.xiaoer.ticket.TicketFieldDefinition;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Custom field definitions and values. Values are stored as text in a canonical form (plain
 * decimal numbers, ISO dates) and read back typed: {@link String}, {@link BigDecimal} or
 * {@link LocalDate}.
 */
public final class CustomFieldRules {

    public static final int MAX_TEXT = 1_000;
    public static final int MAX_LABEL = 100;
    public static final int MAX_OPTIONS = 100;
    public static final int MAX_OPTION_LENGTH = 100;
    public static final int MAX_FIELDS = 50;
    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_]{0,39}");

    private CustomFieldRules() {
    }

    public static String key(String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new InvalidInput("key", "field-key-invalid");
        }
        return key;
    }

    public static String label(String label) {
        if (label == null || label.isBlank()) {
            throw new InvalidInput("label", "text-required");
        }
        if (label.strip().length() > MAX_LABEL) {
            throw new InvalidInput("label", "text-too-long", MAX_LABEL);
        }
        return label.strip();
    }

    /** The options a field of this type may have: a non-empty distinct list for single-select, none otherwise. */
    public static List<String> options(CustomFieldType type, List<String> options) {
        var given = options == null ? List.<String>of() : options;
        if (type != CustomFieldType.SINGLE_SELECT) {
            if (!given.isEmpty()) {
                throw new InvalidInput("options", "options-only-for-single-select");
            }
            return List.of();
        }
        var distinct = new LinkedHashSet<String>();
        for (var option : given) {
            if (option == null || option.isBlank() || option.strip().length() > MAX_OPTION_LENGTH) {
                throw new InvalidInput("options", "option-invalid", MAX_OPTION_LENGTH);
            }
            distinct.add(option.strip());
        }
        if (distinct.isEmpty() || distinct.size() > MAX_OPTIONS) {
            throw new InvalidInput("options", "options-required", MAX_OPTIONS);
        }
        return new ArrayList<>(distinct);
    }

    /**
     * The stored form of a value for this field. Accepts the typed value or its text; refuses
     * anything that does not fit, naming {@code customFields.<key>}.
     */
    public static String store(TicketFieldDefinition field, Object value) {
        var name = "customFields." + field.key();
        return switch (field.type()) {
            case TEXT -> {
                if (!(value instanceof String text) || text.isBlank()) {
                    throw new InvalidInput(name, "field-value-not-text");
                }
                if (text.strip().length() > MAX_TEXT) {
                    throw new InvalidInput(name, "text-too-long", MAX_TEXT);
                }
                yield text.strip();
            }
            case NUMBER -> number(name, value).stripTrailingZeros().toPlainString();
            case DATE -> date(name, value).toString();
            case SINGLE_SELECT -> {
                if (!(value instanceof String option) || !field.options().contains(option.strip())) {
                    throw new InvalidInput(name, "field-value-not-an-option", String.join(", ", field.options()));
                }
                yield option.strip();
            }
        };
    }

    /** The typed value of a stored value. */
    public static Object read(CustomFieldType type, String stored) {
        return switch (type) {
            case TEXT, SINGLE_SELECT -> stored;
            case NUMBER -> new BigDecimal(stored);
            case DATE -> LocalDate.parse(stored);
        };
    }

    private static BigDecimal number(String name, Object value) {
        try {
            var number = switch (value) {
                case BigDecimal decimal -> decimal;
                case Integer i -> BigDecimal.valueOf(i);
                case Long l -> BigDecimal.valueOf(l);
                case Double d when Double.isFinite(d) -> BigDecimal.valueOf(d);
                case String text -> new BigDecimal(text.strip());
                default -> throw new NumberFormatException();
            };
            if (number.abs().compareTo(new BigDecimal("1e15")) >= 0 || number.scale() > 6) {
                throw new NumberFormatException();
            }
            return number;
        } catch (NumberFormatException e) {
            throw new InvalidInput(name, "field-value-not-a-number");
        }
    }

    private static LocalDate date(String name, Object value) {
        try {
            return switch (value) {
                case LocalDate date -> date;
                case String text -> LocalDate.parse(text.strip());
                default -> throw new InvalidInput(name, "field-value-not-a-date");
            };
        } catch (DateTimeParseException e) {
            throw new InvalidInput(name, "field-value-not-a-date");
        }
    }
}
