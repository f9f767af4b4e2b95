package dev.xiaoer.platform.web;

import dev.xiaoer.kernel.BusinessException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * A business refusal on a page becomes the friendly error page with the right status, saying in
 * the user's language what happened. An htmx request gets a small alert instead, which the
 * page's script shows in its notification area. REST controllers are answered by
 * {@link ProblemDetailsAdvice}, which comes first.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageExceptionAdvice {

    static final String NOTIFICATION_AREA = "#xo-notifications";

    private final MessageSource messages;
    private final PageShell shell;

    PageExceptionAdvice(MessageSource messages, PageShell shell) {
        this.messages = messages;
        this.shell = shell;
    }

    @ExceptionHandler(BusinessException.class)
    ModelAndView refused(BusinessException e, HttpServletRequest request, HttpServletResponse response) {
        var status = BusinessStatus.of(e.kind());
        var locale = LocaleContextHolder.getLocale();
        var htmx = "true".equals(request.getHeader("HX-Request"));
        var page = ErrorPages.page(status);
        page.addObject("problemTitle", messages.getMessage("problem." + e.code() + ".title", e.arguments(),
                status.getReasonPhrase(), locale));
        page.addObject("problemDetail", messages.getMessage("problem." + e.code(), e.arguments(), "", locale));
        if (htmx) {
            page.setViewName("fragments/notification :: problem");
            response.setHeader("HX-Retarget", NOTIFICATION_AREA);
            response.setHeader("HX-Reswap", "beforeend");
        } else {
            shell.addTo(page, request);
        }
        return page;
    }
}
