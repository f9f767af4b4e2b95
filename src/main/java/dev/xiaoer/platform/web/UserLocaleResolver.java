package dev.xiaoer.platform.web;

import dev.xiaoer.identity.UserPrincipal;
import dev.xiaoer.platform.PageLanguage;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

/**
 * Chooses zh-CN or English: the language a page chose for its reader ({@link PageLanguage}), else the
 * signed-in user's setting, else the browser's Accept-Language.
 */
class UserLocaleResolver extends AcceptHeaderLocaleResolver {

    UserLocaleResolver(List<Locale> supported, Locale fallback) {
        setSupportedLocales(supported);
        setDefaultLocale(fallback);
    }

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        var chosen = PageLanguage.chosen(request);
        if (chosen.isPresent()) {
            return chosen.get();
        }
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof UserPrincipal user
                && user.member().locale() != null) {
            return Locale.forLanguageTag(user.member().locale());
        }
        var language = request.getHeader("Accept-Language");
        if (language != null && language.toLowerCase(Locale.ROOT).startsWith("zh")) {
            return Locale.SIMPLIFIED_CHINESE;
        }
        return super.resolveLocale(request);
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        throw new UnsupportedOperationException("The language is a user setting");
    }
}
