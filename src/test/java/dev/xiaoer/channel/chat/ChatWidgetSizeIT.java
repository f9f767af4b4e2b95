package dev.xiaoer.channel.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xiaoer.support.IntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What a shop's page downloads for the chat button: the widget, its STOMP library and its texts, gzipped
 * as the server sends them. The budget of 40 KB keeps the merchant's page fast on a village connection.
 */
@IntegrationTest
class ChatWidgetSizeIT {

    static final int BUDGET_BYTES = 40 * 1024;

    @LocalServerPort
    int port;

    @Test
    void theWidgetWithItsLibraryAndTextsStaysWithinFortyKilobytesGzipped() throws Exception {
        var total = 0L;
        for (var path : new String[] {"/chat/widget.js", "/webjars/stomp__stompjs/bundles/stomp.umd.min.js",
                "/chat/texts?lang=zh-CN"}) {
            var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + port + path)).header("Accept-Encoding", "gzip").build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Encoding")).as(path).hasValue("gzip");
            total += response.body().length;
        }
        assertThat(total).as("bytes on the wire").isLessThanOrEqualTo(BUDGET_BYTES);
        System.out.printf("Chat widget download: %d bytes gzipped (budget %d)%n", total, BUDGET_BYTES);
    }
}
