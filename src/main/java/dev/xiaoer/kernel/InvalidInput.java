package dev.xiaoer.kernel;

/** Input that is well-formed but breaks a rule, reported against one field. */
public class InvalidInput extends BusinessException {

    private final String field;

    public InvalidInput(String field, String code, Object... arguments) {
        super(code, Kind.INVALID, field + ": " + code, arguments);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
