package dev.xiaoer.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/**
 * Every error a browser meets is the one {@code error} page, told only the status: Spring Boot's
 * error attributes (path, exception, timestamp) are deliberately not passed on. Statuses without
 * their own explanation share a general one.
 */
@Component
class ErrorPages implements ErrorViewResolver {

    private static final Set<Integer> EXPLAINED = Set.of(400, 403, 404, 405, 500);

    static String messageKey(int status) {
        return EXPLAINED.contains(status) ? "error." + status : "error.other";
    }

    static ModelAndView page(HttpStatus status) {
        var page = new ModelAndView("error", status);
        page.addObject("status", status.value());
        page.addObject("errorKey", messageKey(status.value()));
        return page;
    }

    @Override
    public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
        var page = page(status);
        if (request.getAttribute(WebAttributes.ACCESS_DENIED_403) instanceof CsrfException) {
            // A form whose page outlived its session: not a question of the user's role.
            page.addObject("errorKey", "error.expired");
        }
        return page;
    }
}
