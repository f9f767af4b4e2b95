package dev.xiaoer.channel.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xiaoer.support.ApiClient;
import dev.xiaoer.support.IntegrationTest;
import dev.xiaoer.support.TestWorkspaces;
import dev.xiaoer.ticket.TicketApi;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.util.LinkedMultiValueMap;

/** Photos from the chat widget: a damaged parcel's picture reaches the ticket once, and nothing else gets in. */
@IntegrationTest
class ChatUploadIT {

    static final String SHOP = "https://shop.example.com";

    @LocalServerPort
    int port;

    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    ChatSettingsRows settings;

    TestWorkspaces.TestWorkspace shop;
    TicketApi agent;
    ChatVisitorClient visitors;
    String visitorId;

    @BeforeEach
    void shopWithWidget() {
        shop = workspaces.create("Peach Orchard Direct");
        agent = TicketApi.forToken(port, shop.token());
        visitors = new ChatVisitorClient();
        visitorId = "v-" + UUID.randomUUID();
    }

    @AfterEach
    void stop() {
        visitors.close();
    }

    @Test
    void aPhotoOpensTheVisitorsChatIsAttachedToItAndSentAgainIsStoredOnce() throws IOException {
        var photo = photo();

        var ack = upload(Map.of(), "c-1", photo, "破损的箱子.png", SHOP).expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*")
                .expectBody(TicketApi.JSON).returnResult().getResponseBody();
        var again = upload(Map.of(), "c-1", photo, "破损的箱子.png", SHOP).expectStatus().isOk()
                .expectBody(TicketApi.JSON).returnResult().getResponseBody();

        assertThat(ack).containsEntry("type", "ack").containsEntry("clientId", "c-1").containsKey("ticketNumber");
        assertThat(again).containsEntry("ticketNumber", ack.get("ticketNumber"));
        var ticket = agent.byNumber(((Number) ack.get("ticketNumber")).longValue());
        assertThat(ticket).containsEntry("channel", "chat");
        var timeline = agent.timeline(TicketApi.id(ticket));
        assertThat(timeline).extracting(entry -> entry.get("kind")).containsExactly("message", "attachment");
        assertThat(timeline.getFirst().get("body")).asString().contains("破损的箱子.png");
        assertThat(TicketApi.map(timeline.getLast().get("attachment"))).containsEntry("contentType", "image/png");
    }

    @Test
    void aFileThatIsNoPhotoIsRefusedAndNothingIsStored() {
        var script = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);

        upload(Map.of(), "c-1", script, "photo.jpg", SHOP).expectStatus().isEqualTo(415)
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*")
                .expectBody().jsonPath("$.type").isEqualTo("https://xiaoer.dev/problems/attachment-type-not-allowed");
        var pdf = "%PDF-1.4\n1 0 obj\n<<>>\nendobj\n".getBytes(StandardCharsets.UTF_8);
        upload(Map.of(), "c-2", pdf, "invoice.pdf", SHOP).expectStatus().isEqualTo(415);

        assertThat(agent.numbers("")).isEmpty();
    }

    @Test
    void aSiteThatMayNotChatAndAForgedShopperAreRefusedAndNothingIsStored() throws IOException {
        settings.saveAllowedOrigins(shop.workspace().id(), List.of(SHOP));
        var photo = photo();

        upload(Map.of(), "c-1", photo, "box.png", "https://elsewhere.example.net").expectStatus().isForbidden()
                .expectBody().jsonPath("$.type").isEqualTo("https://xiaoer.dev/problems/origin-not-allowed");
        upload(Map.of("user", "shopper-42", "userHash", "0".repeat(64)), "c-2", photo, "box.png", SHOP)
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.type").isEqualTo("https://xiaoer.dev/problems/invalid-identity");
        upload(Map.of(), "c-3", photo, "box.png", SHOP).expectStatus().isOk();

        assertThat(agent.numbers("")).hasSize(1);
    }

    @Test
    void aFileTheTeamAttachesToAChatReachesTheVisitorAsALinkTheirBrowserCanOpen() throws Exception {
        var visitor = visitors.connect(port, shop.workspace().id().value().toString(), visitorId);
        visitor.send("c-1", "箱子压坏了，能补发吗？");
        var number = ((Number) visitor.next().get("ticketNumber")).longValue();
        var ticket = TicketApi.id(agent.byNumber(number));
        var label = photo();

        var headers = new HttpHeaders();
        headers.setContentDisposition(org.springframework.http.ContentDisposition.formData().name("file")
                .filename("补发单.png").build());
        var parts = new LinkedMultiValueMap<String, Object>();
        parts.add("file", new HttpEntity<>(label, headers));
        agent.client.post().uri("/api/v1/tickets/{id}/attachments", ticket)
                .contentType(MediaType.MULTIPART_FORM_DATA).body(parts).exchange().expectStatus().isCreated();

        var file = visitor.next();
        assertThat(file).containsEntry("type", "file").containsEntry("name", "补发单.png")
                .containsEntry("contentType", "image/png");
        // The link points at xiaoer.base-url; this test's server listens on a port of its own.
        var path = URI.create((String) file.get("url")).getRawPath();
        var download = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + path)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(label);
    }

    private RestTestClient.ResponseSpec upload(Map<String, String> extra, String clientId, byte[] content, String name,
                                               String origin) {
        var parts = new LinkedMultiValueMap<String, Object>();
        parts.add("workspace", shop.workspace().id().value().toString());
        parts.add("visitor", visitorId);
        parts.add("clientId", clientId);
        extra.forEach(parts::add);
        parts.add("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return name;
            }
        });
        return ApiClient.anonymous(port).post().uri("/chat/uploads").header(HttpHeaders.ORIGIN, origin)
                .contentType(MediaType.MULTIPART_FORM_DATA).body(parts).exchange();
    }

    /** A real PNG image: a small brown square, like a cardboard box. */
    private static byte[] photo() throws IOException {
        var image = new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB);
        var graphics = image.createGraphics();
        graphics.setColor(new Color(0xA0, 0x7A, 0x50));
        graphics.fillRect(0, 0, 32, 32);
        graphics.dispose();
        var out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
