package dev.xiaoer.platform;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.Optional;

/**
 * The language a page chose for this request, for a reader whose language is not a user setting: a
 * customer on their self-service page is answered in the language their profile names. The page
 * shell's locale resolver puts this choice before the user's setting and the browser's language.
 */
public final class PageLanguage {

    private static final String ATTRIBUTE = PageLanguage.class.getName();

    private PageLanguage() {
    }

    public static void use(HttpServletRequest request, Locale locale) {
        request.setAttribute(ATTRIBUTE, locale);
    }

    public static Optional<Locale> chosen(HttpServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof Locale locale ? Optional.of(locale) : Optional.empty();
    }
}
