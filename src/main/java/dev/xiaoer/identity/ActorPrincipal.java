package dev.xiaoer.identity;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** A security principal that knows which {@link Actor} it stands for. */
public interface ActorPrincipal {

    Actor actor();

    /** The actor of the current request, if someone is signed in. */
    static Optional<Actor> current() {
        return from(SecurityContextHolder.getContext().getAuthentication());
    }

    static Optional<Actor> from(Authentication authentication) {
        if (authentication != null && authentication.getPrincipal() instanceof ActorPrincipal principal) {
            return Optional.of(principal.actor());
        }
        return Optional.empty();
    }
}
