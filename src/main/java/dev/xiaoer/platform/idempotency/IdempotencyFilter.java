package dev.xiaoer.platform.idempotency;

import dev.xiaoer.identity.ActorPrincipal;
import dev.xiaoer.platform.idempotency.IdempotencyKeys.Entry;
import dev.xiaoer.platform.idempotency.IdempotencyKeys.Key;
import dev.xiaoer.platform.idempotency.IdempotencyKeys.StoredResponse;
import dev.xiaoer.platform.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Makes a POST to the REST API safe to retry: a request with an {@code Idempotency-Key} header is
 * remembered per workspace and key with the response it got, and a retry of the same request gets
 * that response again (marked {@code Idempotent-Replayed: true}) instead of creating anything.
 *
 * <p>Runs after Spring Security, so the caller's workspace is known. The handler runs in a
 * transaction opened here, which the services' {@code @Transactional} methods join: the key row is
 * inserted first and the response stored before commit, so a key is remembered exactly when what
 * the request created is. An error response (status 400 or more) rolls everything back, the key
 * included, so a corrected retry can succeed.
 *
 * <p>A retry that arrives while the first request is still running gets 409: on this node from
 * the in-flight set; a retry on another node waits on the key's unique index until the first
 * commits or rolls back, and then gets the stored response or runs as the first.
 *
 * <p>Caveat for handlers: everything a request does commits or rolls back together. A handler that
 * catches a failed {@code @Transactional} step and carries on cannot keep anything, because that
 * step marked the shared transaction rollback-only; the client gets 409 and may retry.
 */
final class IdempotencyFilter extends OncePerRequestFilter {

    static final String KEY_HEADER = "Idempotency-Key";
    static final String REPLAYED_HEADER = "Idempotent-Replayed";

    private static final Logger log = LoggerFactory.getLogger(IdempotencyFilter.class);
    private static final Pattern VALID_KEY = Pattern.compile("[\\x20-\\x7E]{1,255}");

    private final IdempotencyKeys keys;
    private final PlatformTransactionManager transactions;
    private final Problems problems;
    private final LocaleResolver locales;
    private final Clock clock;
    private final Duration retention;
    private final Set<Key> inFlight = ConcurrentHashMap.newKeySet();

    IdempotencyFilter(IdempotencyKeys keys, PlatformTransactionManager transactions, Problems problems,
                      LocaleResolver locales, Clock clock, Duration retention) {
        this.keys = keys;
        this.transactions = transactions;
        this.problems = problems;
        this.locales = locales;
        this.clock = clock;
        this.retention = retention;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || request.getHeader(KEY_HEADER) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var value = request.getHeader(KEY_HEADER);
        if (!VALID_KEY.matcher(value).matches() || value.isBlank()) {
            refuseInvalidKey(request, response);
            return;
        }
        var actor = ActorPrincipal.current();
        if (actor.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        var key = new Key(actor.get().workspace(), value);
        if (!inFlight.add(key)) {
            problem(request, response, HttpStatus.CONFLICT, "idempotency-key-in-progress");
            return;
        }
        try {
            handle(key, request, response, chain);
        } finally {
            inFlight.remove(key);
        }
    }

    private void handle(Key key, HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var now = clock.instant();
        var fingerprint = RequestFingerprint.of(request);
        var transaction = transactions.getTransaction(TransactionDefinition.withDefaults());
        try {
            boolean claimed;
            try {
                claimed = keys.claim(key, request.getMethod(), request.getRequestURI(), now, now.minus(retention));
            } catch (DuplicateKeyException | ConcurrencyFailureException e) {
                transactions.rollback(transaction);
                problem(request, response, HttpStatus.CONFLICT, "idempotency-key-in-progress");
                return;
            }
            if (!claimed) {
                var existing = keys.find(key);
                transactions.commit(transaction);
                answerRetry(existing, fingerprint.finish(), request, response);
                return;
            }
            var recorded = new ContentCachingResponseWrapper(response);
            chain.doFilter(fingerprint.request(), recorded);
            if (recorded.getStatus() >= 400) {
                transactions.rollback(transaction);
                recorded.copyBodyToResponse();
                return;
            }
            if (transaction.isRollbackOnly()) {
                rolledBackDespiteSuccess(transaction, request, response);
                return;
            }
            keys.complete(key, fingerprint.finish(), new StoredResponse(recorded.getStatus(),
                    recorded.getHeader(HttpHeaders.LOCATION), recorded.getHeader(HttpHeaders.ETAG),
                    recorded.getContentType(), recorded.getContentAsByteArray()));
            transactions.commit(transaction);
            recorded.copyBodyToResponse();
        } catch (IOException | ServletException | RuntimeException | Error e) {
            if (!transaction.isCompleted()) {
                transactions.rollback(transaction);
            }
            throw e;
        }
    }

    /**
     * A step of the handler failed inside the shared transaction (marking it rollback-only) and the
     * handler still answered with success. Nothing it did can be kept, so the client is told to retry.
     */
    private void rolledBackDespiteSuccess(TransactionStatus transaction, HttpServletRequest request,
                                          HttpServletResponse response) throws IOException {
        transactions.rollback(transaction);
        log.warn("{} {} answered success but its transaction was marked rollback-only; nothing was saved",
                request.getMethod(), request.getRequestURI());
        response.reset();
        problem(request, response, HttpStatus.CONFLICT, "idempotent-request-rolled-back");
    }

    private void answerRetry(Optional<Entry> existing, String requestHash, HttpServletRequest request,
                             HttpServletResponse response) throws IOException {
        // Not visible yet, or no response yet: the first request has not finished.
        if (existing.isEmpty() || existing.get().response().isEmpty()) {
            problem(request, response, HttpStatus.CONFLICT, "idempotency-key-in-progress");
            return;
        }
        if (!requestHash.equals(existing.get().requestHash())) {
            problem(request, response, HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused");
            return;
        }
        var stored = existing.get().response().get();
        response.setStatus(stored.status());
        if (stored.location() != null) {
            response.setHeader(HttpHeaders.LOCATION, stored.location());
        }
        if (stored.etag() != null) {
            response.setHeader(HttpHeaders.ETAG, stored.etag());
        }
        if (stored.contentType() != null) {
            response.setContentType(stored.contentType());
        }
        response.setHeader(REPLAYED_HEADER, "true");
        var body = stored.body() == null ? new byte[0] : stored.body();
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private void refuseInvalidKey(HttpServletRequest request, HttpServletResponse response) throws IOException {
        var locale = locales.resolveLocale(request);
        var problem = problems.create(HttpStatus.BAD_REQUEST, "invalid-idempotency-key", null,
                "Invalid Idempotency-Key", locale, request.getRequestURI());
        problem.setProperty("errors", List.of(Map.of("field", KEY_HEADER, "message",
                problems.message("problem.invalid-idempotency-key", null, "Invalid Idempotency-Key", locale))));
        problems.write(response, problem);
    }

    private void problem(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code)
            throws IOException {
        problems.write(response, problems.create(status, code, null, status.getReasonPhrase(),
                locales.resolveLocale(request), request.getRequestURI()));
    }
}
