package dev.xiaoer.platform;

import dev.xiaoer.identity.Actor;
import dev.xiaoer.identity.IdentityManagement;
import dev.xiaoer.identity.Scope;
import dev.xiaoer.kernel.NotFound;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.UUID;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * What the platform's own tests need and this branch does not have: a REST endpoint that creates
 * something (API tokens, through the identity facade).
 */
@TestConfiguration(proxyBeanMethods = false)
public class PlatformTestConfiguration {

    public static final String TOKENS = "/api/v1/test-tokens";
    public static final String INTERNAL_DETAIL = "SELECT secret FROM internals";

    /**
     * Registered as a member of this configuration where it is imported; {@code @TestComponent} keeps
     * component scanning from adding it to every other test's application.
     */
    @TestComponent
    @RestController
    @RequestMapping(TOKENS)
    static class TokenEndpoint {

        private final IdentityManagement identity;

        TokenEndpoint(IdentityManagement identity) {
            this.identity = identity;
        }

        record CreateToken(@NotBlank @Size(max = 120) String name) {
        }

        record CreatedToken(UUID id, String name, String secret) {
        }

        @PostMapping
        ResponseEntity<CreatedToken> create(Actor actor, @Valid @RequestBody CreateToken request) {
            return created(actor, request);
        }

        /** Creates a token named by an uploaded file, as attachment uploads arrive. */
        @PostMapping(path = "/from-file", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
        ResponseEntity<CreatedToken> createFromFile(Actor actor, @RequestParam("file") MultipartFile file)
                throws IOException {
            return created(actor, new CreateToken(new String(file.getBytes(), StandardCharsets.UTF_8).strip()));
        }

        /** Creates a token, then a later step fails: the whole request must leave nothing behind. */
        @PostMapping("/then-fail")
        ResponseEntity<CreatedToken> createThenFail(Actor actor, @Valid @RequestBody CreateToken request) {
            var response = created(actor, request);
            identity.revokeToken(actor.workspace(), UUID.randomUUID());
            return response;
        }

        /**
         * Creates a token, then swallows a failed transactional step and still answers 201: the step
         * marked the shared transaction rollback-only, so nothing can be kept.
         */
        @PostMapping("/swallowing-a-failure")
        ResponseEntity<CreatedToken> createSwallowingAFailure(Actor actor, @Valid @RequestBody CreateToken request) {
            var response = created(actor, request);
            try {
                identity.revokeToken(actor.workspace(), UUID.randomUUID());
            } catch (NotFound expected) {
                // the caller believes it may carry on
            }
            return response;
        }

        /** A bug: the client must learn nothing about the internals from it. */
        @PostMapping("/with-a-bug")
        ResponseEntity<CreatedToken> createWithABug(@Valid @RequestBody CreateToken request) {
            throw new IllegalStateException("Internal detail " + INTERNAL_DETAIL);
        }

        /** The database could not take a lock in time, as an embedded database under load may. */
        @PostMapping("/when-busy")
        ResponseEntity<CreatedToken> createWhenBusy(@Valid @RequestBody CreateToken request) {
            throw new QueryTimeoutException("Timeout trying to lock table " + INTERNAL_DETAIL);
        }

        private ResponseEntity<CreatedToken> created(Actor actor, CreateToken request) {
            var issued = identity.issueToken(actor.workspace(), request.name(), EnumSet.of(Scope.READ), null);
            var id = issued.token().id();
            return ResponseEntity.created(URI.create(TOKENS + "/" + id)).eTag("\"1\"")
                    .body(new CreatedToken(id, issued.token().name(), issued.secret()));
        }
    }
}
