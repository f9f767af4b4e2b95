package dev.xiaoer.agent;

import dev.xiaoer.kernel.BusinessException;

/** Only admins and owners (or an API token with write scope) create agents and change their roles. */
public class RoleChangeForbidden extends BusinessException {

    public RoleChangeForbidden() {
        super("agent-role-change-forbidden", Kind.FORBIDDEN, "Only an admin may create agents or change roles");
    }
}
