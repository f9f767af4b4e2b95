package dev.xiaoer.knowledge;

/** Readers' answers to "was this helpful?" on one article. */
public record ArticleVotes(int helpful, int notHelpful) {
}
