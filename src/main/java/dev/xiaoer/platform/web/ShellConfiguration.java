package dev.xiaoer.platform.web;

import dev.xiaoer.identity.Role;
import dev.xiaoer.platform.NavigationItem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The page shell around every page, and the navigation entries of the pages that sit below
 * {@code platform} (identity's administration pages) or in it (the inbox home).
 */
@Configuration(proxyBeanMethods = false)
class ShellConfiguration implements WebMvcConfigurer {

    private final PageShell shell;

    ShellConfiguration(PageShell shell) {
        this.shell = shell;
    }

    @Bean
    NavigationItem inboxNavigation() {
        return NavigationItem.main("inbox", "/", "inbox", 10)
                .visibleTo(Role.OWNER, Role.ADMIN, Role.SUPERVISOR, Role.AGENT, Role.STATION_STAFF);
    }

    @Bean
    NavigationItem membersNavigation() {
        return NavigationItem.admin("members", "/admin/members", "users", 10);
    }

    @Bean
    NavigationItem apiTokensNavigation() {
        return NavigationItem.admin("api-tokens", "/admin/tokens", "key", 20);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
                                   ModelAndView page) {
                shell.addTo(page, request);
            }
        });
    }
}
