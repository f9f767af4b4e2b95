package dev.xiaoer.knowledge;

/** What a file imports. */
public enum ImportKind {
    /** FAQ entries, from CSV. */
    FAQS,
    /** Articles, from CSV, a Markdown file or a zip of Markdown files. */
    ARTICLES
}
