package dev.xiaoer.ticket.web;

import dev.xiaoer.platform.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The ticket list in the page shell's navigation; it is also the start page ({@code /}). */
@Configuration(proxyBeanMethods = false)
class TicketNavigation {

    @Bean
    NavigationItem ticketsNavigation() {
        return NavigationItem.main("tickets", "/tickets", "inbox", 20);
    }
}
