package dev.xiaoer.ticket;

/** The kinds of value a workspace-defined ticket field holds. */
public enum CustomFieldType {
    /** Free text, up to 1,000 characters. */
    TEXT,
    /** A decimal number. */
    NUMBER,
    /** A calendar date, {@code 2026-11-22}. */
    DATE,
    /** One of the field's options. */
    SINGLE_SELECT
}
