package dev.xiaoer.ticket;

import dev.xiaoer.customer.CustomerId;
import dev.xiaoer.workspace.WorkspaceId;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Signed, expiring links that let a customer see and answer one ticket without an account
 * ({@value #PATH}{@code <token>}). A token carries the workspace, ticket, customer and expiry,
 * signed with HMAC-SHA256 under a key derived from {@code xiaoer.secret}; anything altered, signed
 * with another secret, or past its expiry is rejected.
 */
@Component
public class SelfServiceLinks {

    /** Where the self-service page answers; the token follows. */
    public static final String PATH = "/self-service/";

    private static final byte VERSION = 1;
    private static final int PAYLOAD_LENGTH = 1 + 16 * 3 + 8;
    private static final int MAC_LENGTH = 32;
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;
    private final URI baseUrl;
    private final TicketProperties properties;
    private final Clock clock;

    SelfServiceLinks(SecretProperties secrets, TicketProperties properties, Clock clock) {
        // A key of its own, so the server secret can sign other things without tokens crossing over.
        this.key = new SecretKeySpec(hmac(new SecretKeySpec(secrets.secret().getBytes(StandardCharsets.UTF_8), ALGORITHM),
                "xiaoer/self-service-link/v1".getBytes(StandardCharsets.UTF_8)), ALGORITHM);
        this.baseUrl = secrets.baseUrl();
        this.properties = properties;
        this.clock = clock;
    }

    /** The link for this customer to this ticket, valid for {@code xiaoer.tickets.self-service-link-validity}. */
    public URI link(WorkspaceId workspace, TicketId ticket, CustomerId customer) {
        var base = baseUrl.toString();
        var prefix = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        return URI.create(prefix + PATH + token(workspace, ticket, customer));
    }

    public String token(WorkspaceId workspace, TicketId ticket, CustomerId customer) {
        var expiresAt = clock.instant().plus(properties.selfServiceLinkValidity());
        var payload = ByteBuffer.allocate(PAYLOAD_LENGTH).put(VERSION);
        put(payload, workspace.value());
        put(payload, ticket.value());
        put(payload, customer.value());
        payload.putLong(expiresAt.getEpochSecond());
        var signed = ByteBuffer.allocate(PAYLOAD_LENGTH + MAC_LENGTH).put(payload.array()).put(hmac(key, payload.array()));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(signed.array());
    }

    /** What the token grants; throws {@link SelfServiceLinkRejected} for anything not issued here or expired. */
    public SelfServiceAccess verify(String token) {
        byte[] raw;
        try {
            raw = Base64.getUrlDecoder().decode(token == null ? "" : token);
        } catch (IllegalArgumentException e) {
            throw new SelfServiceLinkRejected(SelfServiceLinkRejected.Reason.INVALID);
        }
        if (raw.length != PAYLOAD_LENGTH + MAC_LENGTH || raw[0] != VERSION) {
            throw new SelfServiceLinkRejected(SelfServiceLinkRejected.Reason.INVALID);
        }
        var payload = Arrays.copyOf(raw, PAYLOAD_LENGTH);
        var mac = Arrays.copyOfRange(raw, PAYLOAD_LENGTH, raw.length);
        if (!MessageDigest.isEqual(mac, hmac(key, payload))) {
            throw new SelfServiceLinkRejected(SelfServiceLinkRejected.Reason.INVALID);
        }
        var buffer = ByteBuffer.wrap(payload, 1, PAYLOAD_LENGTH - 1);
        var access = new SelfServiceAccess(new WorkspaceId(uuid(buffer)), new TicketId(uuid(buffer)),
                new CustomerId(uuid(buffer)), Instant.ofEpochSecond(buffer.getLong()));
        if (!clock.instant().isBefore(access.expiresAt())) {
            throw new SelfServiceLinkRejected(SelfServiceLinkRejected.Reason.EXPIRED);
        }
        return access;
    }

    private static void put(ByteBuffer buffer, UUID id) {
        buffer.putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits());
    }

    private static UUID uuid(ByteBuffer buffer) {
        return new UUID(buffer.getLong(), buffer.getLong());
    }

    private static byte[] hmac(SecretKeySpec key, byte[] data) {
        try {
            var mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
