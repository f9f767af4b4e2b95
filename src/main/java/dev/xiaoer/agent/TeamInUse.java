package dev.xiaoer.agent;

import dev.xiaoer.kernel.BusinessException;

/** The team is still referred to elsewhere (tickets assigned to it, for instance) and cannot be deleted. */
public class TeamInUse extends BusinessException {

    public TeamInUse(TeamId team) {
        super("team-in-use", Kind.CONFLICT, "Team " + team + " is still in use", team.toString());
    }
}
