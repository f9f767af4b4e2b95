package dev.xiaoer.identity;

import dev.xiaoer.kernel.BusinessException;

public class EmailAlreadyRegistered extends BusinessException {

    public EmailAlreadyRegistered(String email) {
        super("email-already-registered", Kind.CONFLICT, "A user with e-mail " + email + " already exists", email);
    }
}
