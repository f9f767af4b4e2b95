package dev.xiaoer.identity;

/** What an API token may do. {@code WRITE} includes {@code READ}. */
public enum Scope {
    READ, WRITE;

    public String authority() {
        return "SCOPE_" + name().toLowerCase(java.util.Locale.ROOT);
    }
}
