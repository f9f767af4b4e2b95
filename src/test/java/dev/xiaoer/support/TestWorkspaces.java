package dev.xiaoer.support;

import dev.xiaoer.identity.IdentityManagement;
import dev.xiaoer.identity.Role;
import dev.xiaoer.identity.Scope;
import dev.xiaoer.identity.UserId;
import dev.xiaoer.workspace.Workspace;
import dev.xiaoer.workspace.WorkspaceManagement;
import java.time.ZoneId;
import java.util.Currency;
import java.util.EnumSet;
import java.util.Locale;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Fixture factory: fresh, isolated workspaces with a signed-up admin and API tokens. */
@Component
public class TestWorkspaces {

    public static final String PASSWORD = "correct horse battery staple";

    private final WorkspaceManagement workspaces;
    private final IdentityManagement identity;

    public TestWorkspaces(WorkspaceManagement workspaces, IdentityManagement identity) {
        this.workspaces = workspaces;
        this.identity = identity;
    }

    /** A workspace with an admin user and a read-write token. */
    public TestWorkspace create(String name) {
        var workspace = workspaces.create(name, Locale.SIMPLIFIED_CHINESE, ZoneId.of("Asia/Shanghai"),
                Currency.getInstance("CNY"));
        var admin = user(workspace, Role.ADMIN);
        var token = identity.issueToken(workspace.id(), "tests", EnumSet.of(Scope.WRITE), admin.id());
        return new TestWorkspace(workspace, admin, token.secret());
    }

    public TestUser user(Workspace workspace, Role role) {
        var email = role.name().toLowerCase(Locale.ROOT) + "-" + UUID.randomUUID() + "@example.test";
        var id = identity.createUser(email, role.name() + " " + email.substring(0, 12), PASSWORD, Locale.ENGLISH);
        identity.addMember(workspace.id(), id, role);
        return new TestUser(id, email);
    }

    public String token(Workspace workspace, Scope... scopes) {
        return identity.issueToken(workspace.id(), "tests", EnumSet.of(scopes[0], scopes), null).secret();
    }

    public record TestUser(UserId id, String email) {
    }

    public record TestWorkspace(Workspace workspace, TestUser admin, String token) {
    }
}
