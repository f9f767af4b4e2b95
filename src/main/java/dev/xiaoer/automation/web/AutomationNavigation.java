package dev.xiaoer.automation.web;

import dev.xiaoer.platform.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The canned replies as a tab of the administration area. */
@Configuration(proxyBeanMethods = false)
class AutomationNavigation {

    @Bean
    NavigationItem cannedRepliesNavigation() {
        return NavigationItem.admin("canned-replies", "/admin/canned-replies", "message-bolt", 40);
    }
}
