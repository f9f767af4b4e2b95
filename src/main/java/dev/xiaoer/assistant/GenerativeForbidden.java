package dev.xiaoer.assistant;

import dev.xiaoer.kernel.BusinessException;

/** Which endpoint writes the assistant's answers is for admins to say. */
public class GenerativeForbidden extends BusinessException {

    public GenerativeForbidden() {
        super("assistant-generative-forbidden", Kind.FORBIDDEN, "Only an admin configures generative answers");
    }
}
