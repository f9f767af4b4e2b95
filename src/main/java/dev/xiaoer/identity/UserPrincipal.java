package dev.xiaoer.identity;

import java.io.Serial;
import java.io.Serializable;
import java.util.Collection;
import java.util.List;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** A signed-in user, acting in one of their workspaces (the oldest membership at sign-in). */
public final class UserPrincipal implements UserDetails, CredentialsContainer, ActorPrincipal, Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private final Member member;
    private String passwordHash;

    public UserPrincipal(Member member, String passwordHash) {
        this.member = member;
        this.passwordHash = passwordHash;
    }

    public Member member() {
        return member;
    }

    @Override
    public Actor actor() {
        return new Actor(Actor.Type.USER, member.userId().value(), member.displayName(), member.workspace(),
                member.role());
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(member.role().authority()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return member.email();
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }
}
