package dev.xiaoer.platform.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds the platform's RFC 9457 problem details: type {@code https://xiaoer.dev/problems/<code>},
 * title and detail from the message bundles ({@code problem.<code>.title}, {@code problem.<code>}).
 * Used by the MVC exception handler and by servlet filters, which run outside Spring MVC.
 */
@Component
public class Problems {

    public static final String TYPE_BASE = "https://xiaoer.dev/problems/";

    private final MessageSource messages;
    private final JsonMapper json;

    Problems(MessageSource messages, JsonMapper json) {
        this.messages = messages;
        this.json = json;
    }

    public ProblemDetail create(HttpStatus status, String code, Object[] args, String fallback, Locale locale,
                                String instance) {
        var problem = ProblemDetail.forStatusAndDetail(status,
                messages.getMessage("problem." + code, args, fallback, locale));
        problem.setType(URI.create(TYPE_BASE + code));
        problem.setTitle(messages.getMessage("problem." + code + ".title", args, status.getReasonPhrase(), locale));
        if (instance != null) {
            try {
                problem.setInstance(URI.create(instance));
            } catch (IllegalArgumentException unusualPath) {
                // the request path is not a valid URI reference; the problem is complete without it
            }
        }
        return problem;
    }

    public String message(String key, Object[] args, String fallback, Locale locale) {
        return messages.getMessage(key, args, fallback, locale);
    }

    /** Writes a problem as the whole response; for filters that answer before any handler runs. */
    public void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }
}
