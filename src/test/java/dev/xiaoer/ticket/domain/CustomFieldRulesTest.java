package dev.xiaoer.ticket.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xiaoer.kernel.InvalidInput;
import dev.xiaoer.ticket.CustomFieldType;
import dev.xiaoer.ticket.TicketFieldDefinition;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CustomFieldRulesTest {

    static TicketFieldDefinition field(CustomFieldType type, String... options) {
        return new TicketFieldDefinition(UUID.randomUUID(), "the_field", "The field", type, List.of(options),
                Instant.EPOCH, Instant.EPOCH);
    }

    @Test
    void numbersAreStoredInPlainCanonicalFormAndReadBackAsDecimals() {
        var number = field(CustomFieldType.NUMBER);

        assertThat(CustomFieldRules.store(number, new BigDecimal("12.50"))).isEqualTo("12.5");
        assertThat(CustomFieldRules.store(number, "1E+3")).isEqualTo("1000");
        assertThat(CustomFieldRules.read(CustomFieldType.NUMBER, "12.5")).isEqualTo(new BigDecimal("12.5"));
        assertThatThrownBy(() -> CustomFieldRules.store(number, "twelve")).isInstanceOf(InvalidInput.class)
                .extracting(e -> ((InvalidInput) e).field()).isEqualTo("customFields.the_field");
        assertThatThrownBy(() -> CustomFieldRules.store(number, "1e20")).isInstanceOf(InvalidInput.class);
    }

    @Test
    void datesMustBeIsoCalendarDates() {
        var date = field(CustomFieldType.DATE);

        assertThat(CustomFieldRules.store(date, "2026-11-20")).isEqualTo("2026-11-20");
        assertThat(CustomFieldRules.read(CustomFieldType.DATE, "2026-11-20")).isEqualTo(LocalDate.of(2026, 11, 20));
        assertThatThrownBy(() -> CustomFieldRules.store(date, "2026-02-30")).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> CustomFieldRules.store(date, new BigDecimal(20261120))).isInstanceOf(InvalidInput.class);
    }

    @Test
    void singleSelectTakesOnlyItsOptionsAndTextMustBeText() {
        assertThat(CustomFieldRules.store(field(CustomFieldType.SINGLE_SELECT, "华北", "华南"), " 华南 ")).isEqualTo("华南");
        assertThatThrownBy(() -> CustomFieldRules.store(field(CustomFieldType.SINGLE_SELECT, "华北"), "华东"))
                .isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> CustomFieldRules.store(field(CustomFieldType.TEXT), BigDecimal.ONE))
                .isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> CustomFieldRules.store(field(CustomFieldType.TEXT), "x".repeat(1001)))
                .isInstanceOf(InvalidInput.class);
    }

    @Test
    void definitionsNeedAProperKeyAndOptionsOnlyWhereTheyBelong() {
        assertThat(CustomFieldRules.key("order_number")).isEqualTo("order_number");
        assertThatThrownBy(() -> CustomFieldRules.key("Order Number")).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> CustomFieldRules.key("1st")).isInstanceOf(InvalidInput.class);
        assertThat(CustomFieldRules.options(CustomFieldType.SINGLE_SELECT, List.of("a", " b", "a"))).containsExactly("a", "b");
        assertThatThrownBy(() -> CustomFieldRules.options(CustomFieldType.SINGLE_SELECT, List.of()))
                .isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> CustomFieldRules.options(CustomFieldType.TEXT, List.of("a")))
                .isInstanceOf(InvalidInput.class);
    }
}
