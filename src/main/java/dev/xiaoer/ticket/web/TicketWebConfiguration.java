package dev.xiaoer.ticket.web;

import dev.xiaoer.ticket.TicketPriority;
import dev.xiaoer.ticket.TicketStatus;
import dev.xiaoer.ticket.TicketType;
import java.util.Locale;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Query parameters carry the ticket enums in lower case, as JSON does ({@code ?status=on_hold}).
 * Spring's own conversion wants the constant's exact name.
 */
@Configuration(proxyBeanMethods = false)
class TicketWebConfiguration implements WebMvcConfigurer {

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addConverter(String.class, TicketStatus.class, value -> parse(TicketStatus.class, value));
        registry.addConverter(String.class, TicketType.class, value -> parse(TicketType.class, value));
        registry.addConverter(String.class, TicketPriority.class, value -> parse(TicketPriority.class, value));
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        return value.isBlank() ? null : Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
    }
}
