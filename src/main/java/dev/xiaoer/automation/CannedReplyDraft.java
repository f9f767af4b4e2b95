package dev.xiaoer.automation;

import java.util.List;

/**
 * A canned reply as someone wrote it, before the rules have checked it: for creating one, or for
 * replacing one as a whole.
 *
 * @param title    the short name agents search by, unique in the workspace (ignoring case)
 * @param shortcut an optional single word agents may search by as well, unique in the workspace
 * @param texts    one text per language, in the order they are offered when no language fits
 */
public record CannedReplyDraft(String title, String shortcut, List<CannedReplyText> texts) {
}
