package dev.xiaoer.platform.web;

import dev.xiaoer.kernel.BusinessException;
import dev.xiaoer.kernel.InvalidInput;
import jakarta.validation.ConstraintViolationException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.BindingResult;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Every error of the REST API is an RFC 9457 problem detail with a stable {@code type}
 * ({@code https://xiaoer.dev/problems/<code>}), a localised {@code detail} and, for bad input, an
 * {@code errors} list naming each field. Unexpected failures are logged and answered with a
 * generic 500 that reveals nothing of the internals.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final String TYPE_BASE = Problems.TYPE_BASE;
    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    private final MessageSource messages;
    private final Problems problems;

    ProblemDetailsAdvice(MessageSource messages, Problems problems) {
        this.messages = messages;
        this.problems = problems;
        setMessageSource(messages);
    }

    @ExceptionHandler(BusinessException.class)
    ResponseEntity<ProblemDetail> business(BusinessException e, WebRequest request) {
        var status = BusinessStatus.of(e.kind());
        var problem = problem(status, e.code(), e.arguments(), e.getMessage(), request);
        if (e instanceof InvalidInput invalid) {
            problem.setProperty("errors", List.of(Map.of("field", invalid.field(),
                    "message", message("problem." + e.code(), e.arguments(), e.getMessage()))));
        }
        return ResponseEntity.status(status).body(problem);
    }

    /** The database was too busy to take a lock in time: nothing was written, and a retry may succeed. */
    @ExceptionHandler(TransientDataAccessException.class)
    ResponseEntity<ProblemDetail> busy(TransientDataAccessException e, WebRequest request) {
        log.warn("Database busy on {}: {}", describe(request), e.getMostSpecificCause().getMessage());
        var status = HttpStatus.SERVICE_UNAVAILABLE;
        return ResponseEntity.status(status).header(HttpHeaders.RETRY_AFTER, "1")
                .body(problem(status, "busy", null, "Busy, retry", request));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraintViolation(ConstraintViolationException e, WebRequest request) {
        var problem = problem(HttpStatus.BAD_REQUEST, "invalid-request", null, e.getMessage(), request);
        problem.setProperty("errors", e.getConstraintViolations().stream()
                .map(v -> Map.of("field", lastNode(v.getPropertyPath().toString()), "message", v.getMessage()))
                .toList());
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e, WebRequest request) {
        var problem = problem(HttpStatus.BAD_REQUEST, "invalid-request", null, e.getMessage(), request);
        problem.setProperty("errors", List.of(Map.of("field", e.getName(),
                "message", message("problem.field.wrong-value", new Object[] {String.valueOf(e.getValue())},
                        "has a value that cannot be used here"))));
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var tooLarge = HttpStatus.CONTENT_TOO_LARGE;
        return ResponseEntity.status(tooLarge).body(problem(tooLarge, "attachment-too-large", null, e.getMessage(), request));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, WebRequest request) {
        if (e instanceof ErrorResponse response) {
            return ResponseEntity.status(response.getStatusCode()).body(response.getBody());
        }
        log.error("Unexpected failure on {}", describe(request), e);
        var status = HttpStatus.INTERNAL_SERVER_ERROR;
        return ResponseEntity.status(status).body(problem(status, "internal-error", null, "Internal error", request));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var problem = problem(HttpStatus.BAD_REQUEST, "invalid-request", null, "Invalid request", request);
        problem.setProperty("errors", fieldErrors(e.getBindingResult()));
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var problem = problem(HttpStatus.BAD_REQUEST, "invalid-request", null, "Invalid request", request);
        var errors = new ArrayList<Map<String, String>>();
        e.getParameterValidationResults().forEach(result -> result.getResolvableErrors().forEach(error ->
                errors.add(Map.of("field", result.getMethodParameter().getParameterName() == null ? "parameter"
                                : result.getMethodParameter().getParameterName(),
                        "message", messages.getMessage(error, LocaleContextHolder.getLocale())))));
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var problem = problem(HttpStatus.BAD_REQUEST, "malformed-request", null, "Malformed request body", request);
        if (e.getCause() instanceof DatabindException databind && !databind.getPath().isEmpty()) {
            var field = fieldPath(databind);
            String detail;
            if (databind instanceof UnrecognizedPropertyException) {
                detail = message("problem.field.unknown", null, "is not a known field");
            } else if (databind instanceof InvalidFormatException invalid && invalid.getTargetType() != null
                    && invalid.getTargetType().isEnum()) {
                detail = message("problem.field.not-one-of", new Object[] {String.valueOf(invalid.getValue()),
                        enumValues(invalid.getTargetType())}, "must be one of the listed values");
            } else if (databind instanceof MismatchedInputException) {
                detail = message("problem.field.wrong-type", null, "has the wrong type");
            } else {
                detail = message("problem.field.wrong-value", new Object[] {""}, "has a value that cannot be used here");
            }
            problem.setProperty("errors", List.of(Map.of("field", field, "message", detail)));
        }
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        if (body instanceof ProblemDetail problem && (problem.getType() == null
                || "about:blank".equals(problem.getType().toString()))) {
            problem.setType(URI.create(TYPE_BASE + "http-" + status.value()));
        }
        return super.createResponseEntity(body, headers, status, request);
    }

    private ProblemDetail problem(HttpStatus status, String code, Object[] args, String fallback, WebRequest request) {
        return problems.create(status, code, args, fallback, LocaleContextHolder.getLocale(),
                request instanceof ServletWebRequest servlet ? servlet.getRequest().getRequestURI() : null);
    }

    private List<Map<String, String>> fieldErrors(BindingResult result) {
        var locale = LocaleContextHolder.getLocale();
        var errors = new ArrayList<Map<String, String>>();
        result.getFieldErrors().forEach(error -> errors.add(Map.of("field", error.getField(),
                "message", messages.getMessage(error, locale))));
        result.getGlobalErrors().forEach(error -> errors.add(Map.of("field", error.getObjectName(),
                "message", messages.getMessage(error, locale))));
        return errors;
    }

    private String message(String key, Object[] args, String fallback) {
        return messages.getMessage(key, args, fallback, LocaleContextHolder.getLocale());
    }

    private static String fieldPath(DatabindException e) {
        var path = new StringBuilder();
        for (var reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String enumValues(Class<?> type) {
        var names = new ArrayList<String>();
        for (var constant : type.getEnumConstants()) {
            names.add(((Enum<?>) constant).name().toLowerCase(Locale.ROOT));
        }
        return String.join(", ", names);
    }

    private static String lastNode(String path) {
        var dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

    private static String describe(WebRequest request) {
        return request instanceof ServletWebRequest servlet
                ? servlet.getRequest().getMethod() + " " + servlet.getRequest().getRequestURI()
                : request.getDescription(false);
    }
}
