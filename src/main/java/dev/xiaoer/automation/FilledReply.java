package dev.xiaoer.automation;

/**
 * A canned reply filled in for one ticket, ready to go into the composer: plain text, which the
 * composer and the timeline print as text.
 *
 * @param language the language of the text chosen for the ticket's customer
 */
public record FilledReply(CannedReplyId id, String title, String shortcut, String language, String text) {
}
