package dev.xiaoer.identity.domain;

import java.time.Instant;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

@Table("users")
public record UserAccount(@Id UUID id, String email, String displayName, String passwordHash, String locale,
                          Instant createdAt, @Version Long version) {

    public static UserAccount create(String email, String displayName, String passwordHash, String locale,
                                     Instant now) {
        return new UserAccount(UUID.randomUUID(), email, displayName, passwordHash, locale, now, null);
    }

    /** The same account with a new display name and language setting ({@code null}: follow the browser). */
    public UserAccount withProfile(String newDisplayName, String newLocale) {
        return new UserAccount(id, email, newDisplayName, passwordHash, newLocale, createdAt, version);
    }
}
