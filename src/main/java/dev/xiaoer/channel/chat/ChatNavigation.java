package dev.xiaoer.channel.chat;

import dev.xiaoer.platform.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The live chat settings as a tab of the administration area. */
@Configuration(proxyBeanMethods = false)
class ChatNavigation {

    @Bean
    NavigationItem chatSettingsNavigation() {
        return NavigationItem.admin("chat", "/admin/chat", "messages", 30);
    }
}
