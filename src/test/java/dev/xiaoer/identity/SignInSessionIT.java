package dev.xiaoer.identity;

import dev.xiaoer.support.ApiClient;
import dev.xiaoer.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;

@IntegrationTest
class SignInSessionIT {

    @LocalServerPort
    int port;

    @Test
    void aBrowserWithoutASessionIsSentToTheSignInPage() {
        ApiClient.anonymous(port).get().uri("/admin/members").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isFound()
                .expectHeader().value("Location", location -> org.assertj.core.api.Assertions.assertThat(location)
                        .endsWith("/login"));
    }

    @Test
    void anHtmxRequestWithoutASessionReloadsThePageInsteadOfSwappingInTheSignInForm() {
        ApiClient.anonymous(port).get().uri("/admin/members").header("HX-Request", "true").exchange()
                .expectStatus().isForbidden()
                .expectHeader().valueEquals("HX-Refresh", "true");
    }

    @Test
    void theSignInPageIsServedWithAStrictContentSecurityPolicy() {
        ApiClient.anonymous(port).get().uri("/login").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isOk()
                .expectHeader().value("Content-Security-Policy", csp -> org.assertj.core.api.Assertions.assertThat(csp)
                        .contains("script-src 'self'").doesNotContain("unsafe-eval")
                        .doesNotContain("script-src 'self' 'unsafe-inline'"));
    }
}
