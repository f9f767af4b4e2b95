package dev.xiaoer.platform.web;

import dev.xiaoer.identity.Actor;
import dev.xiaoer.identity.ActorPrincipal;
import java.util.List;
import java.util.Locale;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.format.FormatterRegistry;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.EnumFeature;

@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Actor.class);
    }

    /**
     * Enum values travel in lower case ({@code "on_hold"}); unknown fields are refused rather than
     * silently dropped, so a misspelt field name is reported instead of ignored.
     */
    @Bean
    JsonMapperBuilderCustomizer xiaoerJson() {
        return builder -> builder
                .enable(EnumFeature.WRITE_ENUMS_TO_LOWERCASE)
                .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /** The user's own language setting first, then the browser's, among the languages Xiaoer speaks. */
    @Bean
    LocaleResolver localeResolver() {
        return new UserLocaleResolver(List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH), Locale.ENGLISH);
    }

    /** Replaces Boot's error controller: problem details for API clients, error pages for browsers. */
    @Bean
    ProblemErrorController problemErrorController(ErrorAttributes errorAttributes, WebProperties web,
            ObjectProvider<ErrorViewResolver> errorViewResolvers, Problems problems, LocaleResolver localeResolver) {
        return new ProblemErrorController(errorAttributes, web.getError(), errorViewResolvers.orderedStream().toList(),
                problems, localeResolver);
    }

    /**
     * Enum values in parameters and forms are read as in JSON, in any case ({@code status=on_hold}):
     * Boot's lenient converters, which the MVC conversion service lacks by default.
     */
    @Override
    public void addFormatters(FormatterRegistry registry) {
        ApplicationConversionService.addApplicationConverters(registry);
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new HandlerMethodArgumentResolver() {
            @Override
            public boolean supportsParameter(MethodParameter parameter) {
                return parameter.getParameterType() == Actor.class;
            }

            @Override
            public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mav,
                                          NativeWebRequest request, WebDataBinderFactory binderFactory) {
                return ActorPrincipal.current()
                        .orElseThrow(() -> new InsufficientAuthenticationException("Not signed in"));
            }
        });
    }
}
