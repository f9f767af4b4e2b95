package dev.xiaoer.routing.web;

import dev.xiaoer.identity.Role;
import dev.xiaoer.platform.NavigationItem;
import dev.xiaoer.platform.ShellWidget;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The supervisor's monitor in the navigation, and every agent's presence control in the top bar. */
@Configuration(proxyBeanMethods = false)
class RoutingNavigation {

    @Bean
    NavigationItem monitorNavigation() {
        return NavigationItem.main("monitor", "/monitor", "heart-rate-monitor", 25)
                .visibleTo(Role.OWNER, Role.ADMIN, Role.SUPERVISOR);
    }

    @Bean
    ShellWidget presenceWidget() {
        return ShellWidget.forAgents("presence", "/presence", 10);
    }
}
