package dev.xiaoer.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xiaoer.support.Browser;
import dev.xiaoer.support.IntegrationTest;
import dev.xiaoer.support.RequiresBrowser;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntegrationTest
@RequiresBrowser
class SwaggerUiIT {

    @LocalServerPort
    int port;

    @Test
    void swaggerUiShowsTheApiInARealBrowserWithoutContentSecurityPolicyViolations() {
        try (var browser = Browser.launch()) {
            var page = browser.desktop(port).newPage();
            var errors = new CopyOnWriteArrayList<String>();
            page.onConsoleMessage(message -> {
                if ("error".equals(message.type())) {
                    errors.add(message.text());
                }
            });

            page.navigate("/swagger-ui.html");
            var operation = page.locator(".opblock-summary-path").first();
            operation.waitFor();

            assertThat(page.locator(".opblock-summary-path").allTextContents()).contains("/api/v1/me");
            assertThat(page.locator(".info .title").textContent()).contains("Xiaoer REST API");
            assertThat(errors).isEmpty();
        }
    }
}
