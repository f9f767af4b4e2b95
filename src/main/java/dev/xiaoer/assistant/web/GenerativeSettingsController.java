package dev.xiaoer.assistant.web;

import dev.xiaoer.assistant.GenerativeAnswers;
import dev.xiaoer.assistant.GenerativeSettings;
import dev.xiaoer.identity.Actor;
import dev.xiaoer.kernel.InvalidInput;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/assistant/generative")
@Tag(name = "Assistant")
class GenerativeSettingsController {

    private static final String PROBLEM_JSON = "application/problem+json";

    private final GenerativeAnswers generative;

    GenerativeSettingsController(GenerativeAnswers generative) {
        this.generative = generative;
    }

    @Schema(name = "GenerativeSettings")
    record SettingsView(boolean enabled,
                        @Schema(description = "The endpoint's API root", example = "https://api.openai.com/v1") String baseUrl,
                        @Schema(example = "gpt-4o-mini") String model,
                        @Schema(description = "Whether a key is kept; the key itself is never returned") boolean hasApiKey,
                        Instant updatedAt, String updatedBy) {

        static SettingsView from(GenerativeSettings settings) {
            return new SettingsView(settings.enabled(), settings.baseUrl(), settings.model(), settings.hasApiKey(),
                    settings.updatedAt(), settings.updatedBy());
        }
    }

    @Schema(name = "GenerativeSettingsUpdate")
    record SettingsRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) Boolean enabled,
                           @Schema(description = "http or https; required when enabled", example = "https://api.openai.com/v1",
                                   maxLength = GenerativeSettings.MAX_URL) String baseUrl,
                           @Schema(description = "Required when enabled", example = "gpt-4o-mini",
                                   maxLength = GenerativeSettings.MAX_MODEL) String model,
                           @Schema(description = "Sent as a bearer token; leave out to keep the one stored",
                                   maxLength = GenerativeSettings.MAX_KEY, accessMode = Schema.AccessMode.WRITE_ONLY)
                           String apiKey) {
    }

    @GetMapping
    @Operation(operationId = "getGenerativeSettings", summary = "Generative answers: whether on, and with which endpoint")
    SettingsView get(Actor actor) {
        return SettingsView.from(generative.settings(actor.workspace()));
    }

    @PutMapping
    @Operation(operationId = "saveGenerativeSettings", summary = "Turn generative answers on or off, or change the endpoint",
            description = "Off by default. When on, a question no FAQ entry settles is put, with the published articles"
                    + " the search finds for it, to this OpenAI-compatible endpoint; its answer is used only when it"
                    + " cites those articles and nothing beyond them. Admins only.")
    @ApiResponse(responseCode = "200", description = "Saved")
    @ApiResponse(responseCode = "400", description = "Invalid input, named in errors[].field",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "403", description = "Not an admin",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class)))
    SettingsView save(Actor actor, @RequestBody SettingsRequest request) {
        if (request.enabled() == null) {
            throw new InvalidInput("enabled", "assistant-generative-enabled-required");
        }
        return SettingsView.from(generative.save(actor, request.enabled(), request.baseUrl(), request.model(),
                request.apiKey()));
    }
}
