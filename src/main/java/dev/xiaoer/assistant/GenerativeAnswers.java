package dev.xiaoer.assistant;

import dev.xiaoer.assistant.internal.GenerativeRows;
import dev.xiaoer.identity.Actor;
import dev.xiaoer.identity.Role;
import dev.xiaoer.kernel.InvalidInput;
import dev.xiaoer.workspace.WorkspaceId;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Generative answers, optional and off by default: with an OpenAI-compatible endpoint configured and
 * turned on, the assistant writes an answer from the workspace's published articles when no FAQ
 * entry settles a question, cites them, and carries on as without it when they do not cover it.
 * The offline assistant is complete without this. Operators may limit the hosts workspaces can
 * point it at ({@code xiaoer.assistant.generative.allowed-hosts}).
 */
@Service
public class GenerativeAnswers {

    private final GenerativeRows rows;
    private final Clock clock;
    private final List<String> allowedHosts;

    GenerativeAnswers(GenerativeRows rows, Clock clock,
                      @Value("${xiaoer.assistant.generative.allowed-hosts}") String allowedHosts) {
        this.rows = rows;
        this.clock = clock;
        this.allowedHosts = Arrays.stream(allowedHosts.split(",")).map(String::strip).filter(host -> !host.isEmpty())
                .map(host -> host.toLowerCase(Locale.ROOT)).toList();
    }

    public GenerativeSettings settings(WorkspaceId workspace) {
        return rows.find(workspace).map(endpoint -> new GenerativeSettings(endpoint.enabled(), endpoint.baseUrl(),
                endpoint.model(), endpoint.apiKey() != null && !endpoint.apiKey().isEmpty(), endpoint.updatedAt(),
                endpoint.updatedBy())).orElse(GenerativeSettings.off());
    }

    /**
     * Saves the workspace's endpoint: admins (and API tokens with write access) only.
     *
     * @param apiKey null or blank keeps the key stored
     * @throws GenerativeForbidden for a signed-in user who is not an admin
     * @throws InvalidInput        (fields {@code baseUrl}, {@code model}, {@code apiKey}) for an endpoint
     *                             that cannot be one, or a host the operator does not allow
     */
    public GenerativeSettings save(Actor actor, boolean enabled, String baseUrl, String model, String apiKey) {
        if (actor.isUser() && actor.role() != Role.OWNER && actor.role() != Role.ADMIN) {
            throw new GenerativeForbidden();
        }
        var url = baseUrl == null ? "" : baseUrl.strip();
        var name = model == null ? "" : model.strip();
        var key = apiKey == null || apiKey.isBlank() ? null : apiKey.strip();
        if (enabled || !url.isEmpty()) {
            checkUrl(url);
        }
        if (name.length() > GenerativeSettings.MAX_MODEL) {
            throw new InvalidInput("model", "assistant-generative-too-long", GenerativeSettings.MAX_MODEL);
        }
        if (enabled && name.isEmpty()) {
            throw new InvalidInput("model", "assistant-generative-model-required");
        }
        if (name.codePoints().anyMatch(Character::isISOControl)) {
            throw new InvalidInput("model", "assistant-generative-model-invalid");
        }
        if (key != null && key.length() > GenerativeSettings.MAX_KEY) {
            throw new InvalidInput("apiKey", "assistant-generative-too-long", GenerativeSettings.MAX_KEY);
        }
        if (key != null && key.codePoints().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            throw new InvalidInput("apiKey", "assistant-generative-key-invalid");
        }
        rows.save(actor.workspace(), enabled, url.replaceAll("/+$", ""), name, key,
                clock.instant().truncatedTo(ChronoUnit.MICROS), actor.name());
        return settings(actor.workspace());
    }

    private void checkUrl(String url) {
        if (url.length() > GenerativeSettings.MAX_URL) {
            throw new InvalidInput("baseUrl", "assistant-generative-too-long", GenerativeSettings.MAX_URL);
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException notOne) {
            throw new InvalidInput("baseUrl", "assistant-generative-url-invalid");
        }
        var scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.getRawUserInfo() != null
                || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new InvalidInput("baseUrl", "assistant-generative-url-invalid");
        }
        if (!allowedHosts.isEmpty() && !allowedHosts.contains(uri.getHost().toLowerCase(Locale.ROOT))) {
            throw new InvalidInput("baseUrl", "assistant-generative-host-not-allowed", uri.getHost());
        }
    }
}
