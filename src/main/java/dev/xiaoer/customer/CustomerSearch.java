package dev.xiaoer.customer;

import dev.xiaoer.kernel.Cursor;

/**
 * Which customers to list, newest first. {@code text} matches names, e-mail addresses, phone
 * numbers and identities; {@code tag} and {@code tier} match exactly. Merged customers never appear.
 */
public record CustomerSearch(String text, String tag, String tier, Cursor after, int limit) {
}
