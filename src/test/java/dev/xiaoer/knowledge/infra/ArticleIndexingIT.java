package dev.xiaoer.knowledge.infra;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xiaoer.identity.Actor;
import dev.xiaoer.identity.Role;
import dev.xiaoer.knowledge.ArticleDraft;
import dev.xiaoer.knowledge.ArticleHit;
import dev.xiaoer.knowledge.FaqEntries;
import dev.xiaoer.knowledge.KnowledgeBase;
import dev.xiaoer.support.IntegrationTest;
import dev.xiaoer.support.TestWorkspaces;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Another node's changes reach this node's index: they are written straight to the shared database
 * here, as another node would, and this node's catch-up brings them in.
 */
@IntegrationTest
class ArticleIndexingIT {

    @Autowired
    KnowledgeBase knowledge;
    @Autowired
    FaqEntries faqs;
    @Autowired
    ArticleIndexing indexing;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;

    @Test
    void anArticlePublishedOrArchivedOnAnotherNodeIsFoundOrGoneAfterTheCatchUp() {
        var shop = workspaces.create("Two nodes " + UUID.randomUUID()).workspace().id();
        var editor = new Actor(Actor.Type.USER, UUID.randomUUID(), "Li Na", shop, Role.SUPERVISOR);
        var article = knowledge.write(editor, new ArticleDraft("Pesticide safety interval",
                "Wait 14 days between spraying and harvest.", "en", null, List.of()), null);

        otherNodeSets(article.id().value(), "PUBLISHED");
        assertThat(knowledge.search(shop, "harvest interval", 5)).as("not yet caught up").isEmpty();
        indexing.catchUp();
        assertThat(knowledge.search(shop, "harvest interval", 5)).extracting(ArticleHit::id)
                .containsExactly(article.id());

        otherNodeSets(article.id().value(), "ARCHIVED");
        indexing.catchUp();
        assertThat(knowledge.search(shop, "harvest interval", 5)).isEmpty();
    }

    @Test
    void anFaqEntryAddedOrDeletedOnAnotherNodeIsMatchedOrGoneAfterTheCatchUp() {
        var shop = workspaces.create("Two nodes " + UUID.randomUUID()).workspace().id();
        var id = UUID.randomUUID();
        var at = Timestamp.from(clock.instant().plusSeconds(1));
        jdbc.sql("""
                INSERT INTO kb_faqs (id, workspace_id, language, question, answer, phrasings, action, deleted, version,
                                     created_at, updated_at)
                VALUES (?, ?, 'en', 'Do you ship to villages?', 'Yes, in 5 to 7 days.', 'village delivery', 'NONE', FALSE,
                        1, ?, ?)""").params(id, shop.value(), at, at).update();
        assertThat(faqs.match(shop, "do you deliver to my village", 3)).isEmpty();

        indexing.catchUp();
        assertThat(faqs.match(shop, "do you deliver to my village", 3)).extracting(m -> m.id().value())
                .containsExactly(id);

        jdbc.sql("UPDATE kb_faqs SET deleted = TRUE, updated_at = ? WHERE id = ?")
                .params(Timestamp.from(clock.instant().plusSeconds(2)), id).update();
        indexing.catchUp();
        assertThat(faqs.match(shop, "do you deliver to my village", 3)).isEmpty();
    }

    private void otherNodeSets(UUID article, String status) {
        jdbc.sql("UPDATE kb_articles SET status = ?, version = version + 1, updated_at = ? WHERE id = ?")
                .params(status, Timestamp.from(clock.instant().plusSeconds(1)), article).update();
    }
}
