package dev.xiaoer.knowledge;

/** Where an article stands: only published ones are in the help center and the search for customers. */
public enum ArticleStatus {
    DRAFT, PUBLISHED, ARCHIVED
}
