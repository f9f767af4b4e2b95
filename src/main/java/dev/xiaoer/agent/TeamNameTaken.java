package dev.xiaoer.agent;

import dev.xiaoer.kernel.BusinessException;

/** Another team of the workspace already has this name (compared without regard to case). */
public class TeamNameTaken extends BusinessException {

    public TeamNameTaken(String name) {
        super("team-name-taken", Kind.CONFLICT, "A team named " + name + " already exists", name);
    }
}
