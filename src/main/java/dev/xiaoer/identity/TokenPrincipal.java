package dev.xiaoer.identity;

import java.util.Collection;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** An API token acting for its workspace with its scopes. */
public record TokenPrincipal(ApiToken token) implements ActorPrincipal {

    @Override
    public Actor actor() {
        return new Actor(Actor.Type.API_TOKEN, token.id(), token.name(), token.workspace(), null);
    }

    public Collection<GrantedAuthority> authorities() {
        return token.scopes().stream().<GrantedAuthority>map(s -> new SimpleGrantedAuthority(s.authority())).toList();
    }
}
