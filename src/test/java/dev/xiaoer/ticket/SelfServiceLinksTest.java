package dev.xiaoer.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xiaoer.customer.CustomerId;
import dev.xiaoer.workspace.WorkspaceId;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class SelfServiceLinksTest {

    static final Instant NOW = Instant.parse("2026-11-22T08:00:00Z");
    static final String SECRET = "a-test-secret-of-at-least-32-characters!";
    static final TicketProperties PROPERTIES = new TicketProperties(4, Duration.ofMinutes(10), DataSize.ofMegabytes(10),
            Duration.ofDays(30));

    final WorkspaceId workspace = WorkspaceId.random();
    final TicketId ticket = TicketId.random();
    final CustomerId customer = new CustomerId(UUID.randomUUID());

    static SelfServiceLinks links(String secret, Instant now) {
        return new SelfServiceLinks(new SecretProperties(secret, URI.create("https://help.example.com/")), PROPERTIES,
                Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void aLinkGrantsItsCustomerTheirTicketUntilItExpires() {
        var link = links(SECRET, NOW).link(workspace, ticket, customer);

        assertThat(link.toString()).startsWith("https://help.example.com/self-service/");
        var access = links(SECRET, NOW.plus(Duration.ofDays(29))).verify(token(link));
        assertThat(access).isEqualTo(new SelfServiceAccess(workspace, ticket, customer, NOW.plus(Duration.ofDays(30))));
    }

    @Test
    void anExpiredLinkIsRejectedAsExpired() {
        var token = links(SECRET, NOW).token(workspace, ticket, customer);

        assertThatThrownBy(() -> links(SECRET, NOW.plus(Duration.ofDays(30))).verify(token))
                .isInstanceOfSatisfying(SelfServiceLinkRejected.class,
                        e -> assertThat(e.reason()).isEqualTo(SelfServiceLinkRejected.Reason.EXPIRED));
    }

    @Test
    void aTamperedOrForeignLinkIsRejectedAsInvalid() {
        var token = links(SECRET, NOW).token(workspace, ticket, customer);
        var verifier = links(SECRET, NOW);

        for (var position : new int[] {3, 20, 40, 70, token.length() - 2}) {
            var chars = token.toCharArray();
            chars[position] = chars[position] == 'A' ? 'B' : 'A';
            assertInvalid(verifier, new String(chars));
        }
        assertInvalid(links("another-secret-of-at-least-32-characters", NOW), token);
        assertInvalid(verifier, token.substring(1));
        assertInvalid(verifier, "not a token at all");
        assertInvalid(verifier, "");
        assertInvalid(verifier, null);
    }

    private static void assertInvalid(SelfServiceLinks verifier, String token) {
        assertThatThrownBy(() -> verifier.verify(token)).isInstanceOfSatisfying(SelfServiceLinkRejected.class,
                e -> assertThat(e.reason()).isEqualTo(SelfServiceLinkRejected.Reason.INVALID));
    }

    private static String token(URI link) {
        return link.getPath().substring(SelfServiceLinks.PATH.length());
    }
}
