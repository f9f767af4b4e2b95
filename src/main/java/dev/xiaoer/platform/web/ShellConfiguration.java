package dev.xiaoer.platform.web;

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
 * The page shell around every page, and the navigation entries of the pages of modules that sit
 * below {@code platform} and so cannot declare their own: customers, and identity's administration pages.
 */
@Configuration(proxyBeanMethods = false)
class ShellConfiguration implements WebMvcConfigurer {

    private final PageShell shell;

    ShellConfiguration(PageShell shell) {
        this.shell = shell;
    }

    @Bean
    NavigationItem customersNavigation() {
        return NavigationItem.main("customers", "/customers", "address-book", 30);
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
