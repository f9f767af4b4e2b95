package dev.xiaoer.workspace;

import java.time.ZoneId;
import java.util.Currency;
import java.util.Locale;

/** A workspace as other modules see it. */
public record Workspace(WorkspaceId id, String name, Locale defaultLanguage, ZoneId timeZone, Currency currency) {
}
