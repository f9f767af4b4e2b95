package dev.xiaoer.platform.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.web.ErrorProperties;
import org.springframework.boot.webmvc.autoconfigure.error.BasicErrorController;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Errors that never reach a controller (an unknown path, a method the path does not take, a
 * request the firewall rejects, a failure in a filter) end at Boot's error page. Pages keep the
 * HTML error view; every other client gets an RFC 9457 problem detail like the rest of the API,
 * instead of Boot's own map.
 */
class ProblemErrorController extends BasicErrorController {

    private final Problems problems;
    private final LocaleResolver locales;

    ProblemErrorController(ErrorAttributes errorAttributes, ErrorProperties properties,
                           List<ErrorViewResolver> errorViewResolvers, Problems problems, LocaleResolver locales) {
        super(errorAttributes, properties, errorViewResolvers);
        this.problems = problems;
        this.locales = locales;
    }

    @Override
    public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
        var status = getStatus(request);
        if (status == HttpStatus.NO_CONTENT) {
            return new ResponseEntity<>(status);
        }
        var code = switch (status) {
            case UNAUTHORIZED -> "unauthorized";
            case FORBIDDEN -> "forbidden";
            case INTERNAL_SERVER_ERROR -> "internal-error";
            default -> "http-" + status.value();
        };
        var problem = problems.create(status, code, null, status.getReasonPhrase(), locales.resolveLocale(request),
                (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI));
        var body = new LinkedHashMap<String, Object>();
        body.put("type", problem.getType().toString());
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        if (problem.getInstance() != null) {
            body.put("instance", problem.getInstance().toString());
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }
}
