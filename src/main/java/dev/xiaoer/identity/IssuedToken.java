package dev.xiaoer.identity;

import java.util.UUID;

/** A newly created API token: {@link #secret()} is shown once and never stored. */
public record IssuedToken(ApiToken token, String secret) {

    public UUID id() {
        return token.id();
    }
}
