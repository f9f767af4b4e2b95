package dev.xiaoer.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Problem details written by the security filters, which run before Spring MVC and its
 * exception handlers. Types and wording match {@code platform}'s handler.
 */
@Component
class ProblemResponses {

    static final String TYPE_BASE = "https://xiaoer.dev/problems/";

    private final JsonMapper json;
    private final MessageSource messages;

    ProblemResponses(JsonMapper json, MessageSource messages) {
        this.json = json;
        this.messages = messages;
    }

    void unauthorized(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        response.setHeader("WWW-Authenticate", "Bearer");
        write(request, response, HttpStatus.UNAUTHORIZED, "unauthorized");
    }

    void forbidden(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        write(request, response, HttpStatus.FORBIDDEN, "forbidden");
    }

    void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code)
            throws IOException {
        var locale = request.getLocale() == null ? LocaleContextHolder.getLocale() : request.getLocale();
        var problem = ProblemDetail.forStatusAndDetail(status,
                messages.getMessage("problem." + code, null, status.getReasonPhrase(), locale));
        problem.setType(URI.create(TYPE_BASE + code));
        problem.setTitle(messages.getMessage("problem." + code + ".title", null, status.getReasonPhrase(), locale));
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }
}
