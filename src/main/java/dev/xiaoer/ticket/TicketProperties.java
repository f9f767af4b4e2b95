package dev.xiaoer.ticket;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Ticket settings ({@code xiaoer.tickets.*}, or {@code XIAOER_TICKETS_*} in the environment).
 *
 * @param autoCloseAfterDays      days a solved ticket stays solved before it closes by itself
 * @param autoCloseCheckInterval  how often the closing task looks for such tickets
 * @param attachmentMaxSize       largest attachment accepted
 * @param selfServiceLinkValidity how long a customer's self-service link works
 */
@ConfigurationProperties("xiaoer.tickets")
@Validated
public record TicketProperties(
        @DefaultValue("4") @Min(1) @Max(365) int autoCloseAfterDays,
        @DefaultValue("10m") @NotNull Duration autoCloseCheckInterval,
        @DefaultValue("10MB") @NotNull DataSize attachmentMaxSize,
        @DefaultValue("30d") @NotNull Duration selfServiceLinkValidity) {
}
