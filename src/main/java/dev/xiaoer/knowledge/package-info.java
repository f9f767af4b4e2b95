/**
 * Knowledge: what the team already knows, written down once. Articles in Markdown, one per language
 * with the other languages linked, in a tree of categories, each saved version kept; drafts,
 * published and archived. Published articles make the workspace's public help center and are
 * searched in process with Lucene (Chinese and English analysis, highlighted snippets): every node
 * builds its index from the database at start and keeps it current.
 * <p>
 * Other modules use {@link dev.xiaoer.knowledge.KnowledgeBase} and listen to
 * {@link dev.xiaoer.knowledge.ArticlePublished} and {@link dev.xiaoer.knowledge.ArticleWithdrawn}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Knowledge",
        allowedDependencies = {"workspace", "identity", "platform"})
package dev.xiaoer.knowledge;
