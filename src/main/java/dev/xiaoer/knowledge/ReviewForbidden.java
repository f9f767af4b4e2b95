package dev.xiaoer.knowledge;

import dev.xiaoer.kernel.BusinessException;

/** Publishing, withdrawing and arranging the help center is for supervisors and admins. */
public class ReviewForbidden extends BusinessException {

    public ReviewForbidden() {
        super("article-review-forbidden", Kind.FORBIDDEN, "Only a supervisor or an admin publishes articles");
    }
}
