package dev.xiaoer.knowledge;

import dev.xiaoer.kernel.BusinessException;

/** Someone saved the article after the editor opened it: saving now would overwrite their change. */
public class ArticleChangedMeanwhile extends BusinessException {

    public ArticleChangedMeanwhile(ArticleId article, int expected, int current) {
        super("article-changed-meanwhile", Kind.PRECONDITION_FAILED,
                "Article " + article + " is at version " + current + ", not " + expected, current);
    }
}
