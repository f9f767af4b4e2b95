package dev.xiaoer.ticket;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The server secret that signs customer links ({@code xiaoer.secret} / {@code XIAOER_SECRET}) and the
 * public address links point to ({@code xiaoer.base-url} / {@code XIAOER_BASE_URL}). Production has
 * no default secret: the application does not start without one.
 */
@ConfigurationProperties("xiaoer")
@Validated
record SecretProperties(
        @NotBlank(message = "must be set: give XIAOER_SECRET a random value of at least 32 characters")
        @Size(min = 32, message = "must have at least 32 characters (XIAOER_SECRET)") String secret,
        @DefaultValue("http://localhost:8080") @NotNull URI baseUrl) {

    @Override
    public String toString() {
        return "SecretProperties[secret=<hidden>, baseUrl=" + baseUrl + "]";
    }
}
