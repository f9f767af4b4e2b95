package dev.xiaoer.knowledge.web;

import dev.xiaoer.platform.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The knowledge base in the main navigation, for the service team. */
@Configuration(proxyBeanMethods = false)
class KnowledgeNavigation {

    @Bean
    NavigationItem knowledgeNavigationItem() {
        return NavigationItem.main("knowledge", "/knowledge", "book-2", 35);
    }
}
