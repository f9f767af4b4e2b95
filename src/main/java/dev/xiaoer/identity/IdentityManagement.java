package dev.xiaoer.identity;

import dev.xiaoer.identity.domain.TokenHashing;
import dev.xiaoer.identity.domain.UserAccount;
import dev.xiaoer.identity.domain.UserAccounts;
import dev.xiaoer.kernel.InvalidInput;
import dev.xiaoer.kernel.NotFound;
import dev.xiaoer.workspace.WorkspaceId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Users, memberships and API tokens. */
@Service
public class IdentityManagement {

    /** The longest display name, as the column allows. */
    public static final int MAX_DISPLAY_NAME = 120;

    private static final String MEMBER_COLUMNS =
            "u.id, m.workspace_id, u.email, u.display_name, m.role, u.locale FROM memberships m JOIN users u ON u.id = m.user_id";

    /** How long another node may still accept a token revoked elsewhere. */
    public static final Duration TOKEN_CACHE_TIME = Duration.ofSeconds(10);
    private static final int TOKEN_CACHE_SIZE = 10_000;

    private final UserAccounts users;
    private final JdbcClient jdbc;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;
    private final Map<String, CachedToken> activeTokens = new ConcurrentHashMap<>();

    IdentityManagement(UserAccounts users, JdbcClient jdbc, PasswordEncoder passwordEncoder, Clock clock) {
        this.users = users;
        this.jdbc = jdbc;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
    }

    @Transactional
    public UserId createUser(String email, String displayName, String rawPassword, Locale locale) {
        var normalised = email.trim().toLowerCase(Locale.ROOT);
        if (users.findByEmailIgnoreCase(normalised).isPresent()) {
            throw new EmailAlreadyRegistered(normalised);
        }
        var saved = users.save(UserAccount.create(normalised, displayName, passwordEncoder.encode(rawPassword),
                locale == null ? null : locale.toLanguageTag(), clock.instant()));
        return new UserId(saved.id());
    }

    /**
     * Changes what a user is called and which language Xiaoer speaks to them; a {@code null}
     * locale means "follow the browser".
     */
    @Transactional
    public void updateProfile(UserId user, String displayName, Locale locale) {
        var name = displayName == null ? "" : displayName.strip();
        if (name.isEmpty()) {
            throw new InvalidInput("displayName", "display-name-required");
        }
        if (name.length() > MAX_DISPLAY_NAME) {
            throw new InvalidInput("displayName", "display-name-too-long", MAX_DISPLAY_NAME);
        }
        var account = users.findById(user.value()).orElseThrow(() -> new NotFound("user", user));
        users.save(account.withProfile(name, locale == null ? null : locale.toLanguageTag()));
    }

    @Transactional
    public void addMember(WorkspaceId workspace, UserId user, Role role) {
        jdbc.sql("INSERT INTO memberships (workspace_id, user_id, role, created_at) VALUES (?, ?, ?, ?)")
                .params(workspace.value(), user.value(), role.name(), Timestamp.from(clock.instant()))
                .update();
    }

    /** Gives a member another role in the workspace; a user who is not a member is not found. */
    @Transactional
    public void changeRole(WorkspaceId workspace, UserId user, Role role) {
        var changed = jdbc.sql("UPDATE memberships SET role = ? WHERE workspace_id = ? AND user_id = ?")
                .params(role.name(), workspace.value(), user.value()).update();
        if (changed == 0) {
            throw new NotFound("member", user);
        }
    }

    @Transactional(readOnly = true)
    public List<Member> members(WorkspaceId workspace) {
        return jdbc.sql("SELECT " + MEMBER_COLUMNS + " WHERE m.workspace_id = ? ORDER BY u.display_name")
                .param(workspace.value()).query(IdentityManagement::member).list();
    }

    @Transactional(readOnly = true)
    public Optional<Member> member(WorkspaceId workspace, UserId user) {
        return jdbc.sql("SELECT " + MEMBER_COLUMNS + " WHERE m.workspace_id = ? AND m.user_id = ?")
                .params(workspace.value(), user.value()).query(IdentityManagement::member).optional();
    }

    /** Memberships of the user with this e-mail, oldest first; empty when there is no such user. */
    @Transactional(readOnly = true)
    public List<Member> membershipsByEmail(String email) {
        return jdbc.sql("SELECT " + MEMBER_COLUMNS + " WHERE LOWER(u.email) = ? ORDER BY m.created_at")
                .param(email.trim().toLowerCase(Locale.ROOT)).query(IdentityManagement::member).list();
    }

    @Transactional(readOnly = true)
    public Optional<String> passwordHash(String email) {
        return users.findByEmailIgnoreCase(email.trim()).map(UserAccount::passwordHash);
    }

    @Transactional
    public IssuedToken issueToken(WorkspaceId workspace, String name, Set<Scope> scopes, UserId createdBy) {
        var secret = TokenHashing.newSecret();
        var id = UUID.randomUUID();
        var now = clock.instant();
        var effective = effectiveScopes(scopes);
        jdbc.sql("""
                INSERT INTO api_tokens (id, workspace_id, name, token_hash, scopes, created_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(id, workspace.value(), name, TokenHashing.hash(secret), joinScopes(effective),
                        createdBy == null ? null : createdBy.value(), Timestamp.from(now))
                .update();
        return new IssuedToken(new ApiToken(id, workspace, name, effective, now, null), secret);
    }

    @Transactional(readOnly = true)
    public List<ApiToken> tokens(WorkspaceId workspace) {
        return jdbc.sql("SELECT * FROM api_tokens WHERE workspace_id = ? ORDER BY created_at")
                .param(workspace.value()).query(IdentityManagement::token).list();
    }

    @Transactional
    public void revokeToken(WorkspaceId workspace, UUID tokenId) {
        var changed = jdbc.sql("UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND workspace_id = ? AND revoked_at IS NULL")
                .params(Timestamp.from(clock.instant()), tokenId, workspace.value()).update();
        activeTokens.values().removeIf(cached -> cached.token().id().equals(tokenId));
        if (changed == 0 && tokens(workspace).stream().noneMatch(t -> t.id().equals(tokenId))) {
            throw new NotFound("api-token", tokenId);
        }
    }

    /**
     * The active token with this secret, if any. Every API request asks, so an active token is
     * remembered for {@link #TOKEN_CACHE_TIME}: revoking it here takes effect at once, on other
     * nodes within that time. Unknown secrets are never remembered.
     */
    public Optional<ApiToken> authenticateToken(String secret) {
        if (secret == null || !secret.startsWith(TokenHashing.PREFIX) || secret.length() > 100) {
            return Optional.empty();
        }
        var hash = TokenHashing.hash(secret);
        var now = clock.instant();
        var cached = activeTokens.get(hash);
        if (cached != null && now.isBefore(cached.until())) {
            return Optional.of(cached.token());
        }
        var token = jdbc.sql("SELECT * FROM api_tokens WHERE token_hash = ? AND revoked_at IS NULL")
                .param(hash).query(IdentityManagement::token).optional();
        if (token.isPresent()) {
            if (activeTokens.size() >= TOKEN_CACHE_SIZE) {
                activeTokens.clear();
            }
            activeTokens.put(hash, new CachedToken(token.get(), now.plus(TOKEN_CACHE_TIME)));
        } else {
            activeTokens.remove(hash);
        }
        return token;
    }

    private record CachedToken(ApiToken token, Instant until) {
    }

    private static Set<Scope> effectiveScopes(Set<Scope> requested) {
        var scopes = requested.isEmpty() ? EnumSet.of(Scope.READ) : EnumSet.copyOf(requested);
        if (scopes.contains(Scope.WRITE)) {
            scopes.add(Scope.READ);
        }
        return scopes;
    }

    private static String joinScopes(Set<Scope> scopes) {
        return scopes.stream().map(Scope::name).sorted().collect(Collectors.joining(","));
    }

    private static Member member(ResultSet rs, int row) throws SQLException {
        return new Member(new UserId(rs.getObject(1, UUID.class)), new WorkspaceId(rs.getObject(2, UUID.class)),
                rs.getString(3), rs.getString(4), Role.valueOf(rs.getString(5)), rs.getString(6));
    }

    private static ApiToken token(ResultSet rs, int row) throws SQLException {
        var scopes = Arrays.stream(rs.getString("scopes").split(",")).map(Scope::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Scope.class)));
        var revoked = rs.getTimestamp("revoked_at");
        return new ApiToken(rs.getObject("id", UUID.class), new WorkspaceId(rs.getObject("workspace_id", UUID.class)),
                rs.getString("name"), scopes, rs.getTimestamp("created_at").toInstant(),
                revoked == null ? null : revoked.toInstant());
    }
}
