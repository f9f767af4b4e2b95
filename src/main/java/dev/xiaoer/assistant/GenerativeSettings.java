package dev.xiaoer.assistant;

import java.time.Instant;

/**
 * A workspace's generative answers: whether the assistant may write answers from the published
 * articles with an OpenAI-compatible endpoint, and which. The key itself is never handed out again.
 *
 * @param baseUrl   the endpoint's API root, for instance {@code https://api.openai.com/v1}
 * @param hasApiKey whether a key is kept (local servers often need none)
 * @param updatedBy who saved them last, null before anyone did
 */
public record GenerativeSettings(boolean enabled, String baseUrl, String model, boolean hasApiKey, Instant updatedAt,
                                 String updatedBy) {

    public static final int MAX_URL = 500;
    public static final int MAX_MODEL = 200;
    public static final int MAX_KEY = 500;

    /** How a workspace starts: off, nothing configured. */
    public static GenerativeSettings off() {
        return new GenerativeSettings(false, "", "", false, null, null);
    }
}
