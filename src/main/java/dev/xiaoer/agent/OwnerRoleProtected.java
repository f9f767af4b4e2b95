package dev.xiaoer.agent;

import dev.xiaoer.identity.UserId;
import dev.xiaoer.kernel.BusinessException;

/** The owner's role is not changed through agent management, so that a workspace never loses its owner. */
public class OwnerRoleProtected extends BusinessException {

    public OwnerRoleProtected(UserId user) {
        super("agent-owner-role-protected", Kind.CONFLICT, "User " + user + " is the owner", user.toString());
    }
}
