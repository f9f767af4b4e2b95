package dev.xiaoer.automation;

/**
 * One language version of a canned reply.
 *
 * @param language a BCP 47 language tag such as {@code zh-CN} or {@code en}
 * @param text     the reply, with variables such as {@code {{customer.name}}} still in it
 */
public record CannedReplyText(String language, String text) {
}
