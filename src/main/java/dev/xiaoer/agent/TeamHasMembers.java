package dev.xiaoer.agent;

import dev.xiaoer.kernel.BusinessException;

/**
 * A team is deleted only once it is empty, so that nobody silently drops out of a queue they were
 * routed from: remove its members first.
 */
public class TeamHasMembers extends BusinessException {

    public TeamHasMembers(TeamId team, int members) {
        super("team-has-members", Kind.CONFLICT, "Team " + team + " still has " + members + " members", team.toString(),
                members);
    }
}
