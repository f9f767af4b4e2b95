package dev.xiaoer.identity.web;

import dev.xiaoer.identity.Actor;
import dev.xiaoer.identity.IdentityManagement;
import dev.xiaoer.identity.UserPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * Keeps the signed-in principal in step with the user's saved profile, so that a new display name
 * or language shows on the very next page instead of at the next sign-in.
 */
@Component
class SignedInUsers {

    private final IdentityManagement identity;
    private final SecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

    SignedInUsers(IdentityManagement identity) {
        this.identity = identity;
    }

    void reload(Actor actor, HttpServletRequest request, HttpServletResponse response) {
        var member = identity.member(actor.workspace(), actor.userId())
                .orElseThrow(() -> new IllegalStateException("The signed-in user has no membership any more"));
        var strategy = SecurityContextHolder.getContextHolderStrategy();
        var previous = strategy.getContext().getAuthentication();
        var principal = new UserPrincipal(member, null);
        var authentication = UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities());
        if (previous != null) {
            authentication.setDetails(previous.getDetails());
        }
        var context = strategy.createEmptyContext();
        context.setAuthentication(authentication);
        strategy.setContext(context);
        sessions.saveContext(context, request, response);
    }
}
