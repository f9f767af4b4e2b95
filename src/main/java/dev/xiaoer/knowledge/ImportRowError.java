package dev.xiaoer.knowledge;

import java.util.List;
import java.util.Map;

/**
 * A row an import refused, and why: the field and a message code ({@code problem.<code>} in the message
 * bundles) with its arguments, as the API would have refused the same entry.
 *
 * @param row    the row as a spreadsheet numbers it (the header is row 1), or the file's place in a zip
 * @param source the file in a zip the row came from, otherwise {@code null}
 * @param values the row as the file had it, by column
 */
public record ImportRowError(int row, String source, String field, String code, List<String> arguments,
                             Map<String, String> values) {
}
