package dev.xiaoer.kernel;

import java.util.List;

/**
 * A refusal the user can understand and act on. The web layer turns it into an RFC 9457
 * problem detail: {@link #code()} becomes the stable problem {@code type}, {@link #kind()} the
 * HTTP status, and the message bundle key {@code problem.<code>} (with {@link #arguments()})
 * the localised {@code detail}.
 */
public abstract class BusinessException extends RuntimeException {

    public enum Kind {
        NOT_FOUND, CONFLICT, INVALID, PRECONDITION_FAILED, FORBIDDEN, TOO_LARGE, UNSUPPORTED_MEDIA_TYPE, TOO_MANY_REQUESTS
    }

    private final String code;
    private final Kind kind;
    private final List<Object> arguments;

    protected BusinessException(String code, Kind kind, String message, Object... arguments) {
        super(message);
        this.code = code;
        this.kind = kind;
        this.arguments = List.of(arguments);
    }

    /** Stable, kebab-case identifier, for example {@code illegal-status-transition}. */
    public String code() {
        return code;
    }

    public Kind kind() {
        return kind;
    }

    public Object[] arguments() {
        return arguments.toArray();
    }
}
