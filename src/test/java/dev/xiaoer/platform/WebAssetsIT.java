package dev.xiaoer.platform;

import dev.xiaoer.support.ApiClient;
import dev.xiaoer.support.IntegrationTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;

/** The shell's assets are served without versions in their paths, so upgrading a WebJar touches only pom.xml. */
@IntegrationTest
class WebAssetsIT {

    @LocalServerPort
    int port;

    @ParameterizedTest
    @CsvSource({
            "/webjars/tabler__core/dist/css/tabler.min.css, text/css",
            "/webjars/tabler__core/dist/js/tabler.min.js, text/javascript",
            "/webjars/tabler__icons-webfont/dist/tabler-icons.min.css, text/css",
            "/webjars/tabler__icons-webfont/dist/fonts/tabler-icons.woff2, font/woff2",
            "/webjars/htmx.org/dist/htmx.min.js, text/javascript",
            "/css/xiaoer.css, text/css",
            "/js/app.js, text/javascript",
            "/js/tickets.js, text/javascript",
            "/js/theme.js, text/javascript",
            "/img/favicon.svg, image/svg+xml"
    })
    void anAssetOfThePageShellIsServedToAnyoneWithoutAVersionInItsPath(String path, String type) {
        ApiClient.anonymous(port).get().uri(path).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.parseMediaType(type));
    }
}
