package dev.xiaoer.knowledge;

/**
 * An FAQ entry that a customer's words match.
 *
 * @param phrasing the question or phrasing that matched best
 * @param score    the search's relevance score (BM25): comparable within one search only
 */
public record FaqMatch(FaqId id, String question, String phrasing, float score) {
}
