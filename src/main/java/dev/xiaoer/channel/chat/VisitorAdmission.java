package dev.xiaoer.channel.chat;

import dev.xiaoer.kernel.BusinessException;
import dev.xiaoer.workspace.WorkspaceId;
import dev.xiaoer.workspace.WorkspaceManagement;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Who may chat: a valid visitor id, a workspace that exists, a page on one of the workspace's allowed
 * origins (if it lists any) or on Xiaoer's own, and, for a shop's signed-in user, the merchant's
 * signature of their id. The same rules for the widget's STOMP connection and its photo uploads.
 */
@Component
class VisitorAdmission {

    /** Why a visitor was refused, as the widget hears it (the code) and as a problem detail (403). */
    static final class Refused extends BusinessException {

        Refused(String code) {
            super(code, Kind.FORBIDDEN, "Chat refused: " + code);
        }
    }

    private final WorkspaceManagement workspaces;
    private final ChatSettingsRows settings;

    VisitorAdmission(WorkspaceManagement workspaces, ChatSettingsRows settings) {
        this.workspaces = workspaces;
        this.settings = settings;
    }

    /**
     * @param origin      the page's origin as the browser sent it ({@code null} when it sent none)
     * @param ownOrigin   whether the page is on Xiaoer's own address
     * @throws Refused with {@code invalid-visitor}, {@code unknown-workspace}, {@code origin-not-allowed}
     *                 or {@code invalid-identity}
     */
    ChatVisitor admit(String workspaceId, String visitorId, String userId, String userHash, String origin,
                      boolean ownOrigin) {
        if (!ChatVisitor.isValidId(visitorId)) {
            throw new Refused("invalid-visitor");
        }
        var workspace = parse(workspaceId);
        if (workspace == null || workspaces.find(workspace).isEmpty()) {
            throw new Refused("unknown-workspace");
        }
        var chat = settings.find(workspace);
        if (!ownOrigin && !chat.allowsOrigin(origin)) {
            throw new Refused("origin-not-allowed");
        }
        if (userId != null && !(VisitorIdentity.isValidUserId(userId)
                && VisitorIdentity.verifies(chat.signingSecret(), userId, userHash))) {
            throw new Refused("invalid-identity");
        }
        return new ChatVisitor(workspace, visitorId, userId);
    }

    private static WorkspaceId parse(String value) {
        try {
            return value == null ? null : new WorkspaceId(UUID.fromString(value));
        } catch (IllegalArgumentException notAnId) {
            return null;
        }
    }
}
