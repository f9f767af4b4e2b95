package dev.xiaoer.ticket;

import static dev.xiaoer.ticket.TicketApi.id;
import static dev.xiaoer.ticket.TicketApi.map;
import static org.assertj.core.api.Assertions.assertThat;

import dev.xiaoer.support.IntegrationTest;
import dev.xiaoer.support.TestWorkspaces;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.test.web.servlet.client.RestTestClient;

@IntegrationTest
class TicketAttachmentsIT {

    @LocalServerPort
    int port;

    @Autowired
    TestWorkspaces workspaces;

    TicketApi api;
    UUID ticket;

    @BeforeEach
    void ticketWithAPhotoToCome() {
        api = TicketApi.forToken(port, workspaces.create("Orchard Direct").token());
        ticket = id(api.create("buyer@example.com", "Peaches arrived bruised"));
    }

    @Test
    void aPhotoIsAcceptedAndServedBackAsADownloadOfItsDetectedType() throws IOException {
        var png = photo();

        var attachment = upload(ticket, png, "淤青的桃子.png", MediaType.APPLICATION_OCTET_STREAM)
                .expectStatus().isCreated().expectBody(TicketApi.JSON).returnResult().getResponseBody();

        assertThat(attachment).containsEntry("fileName", "淤青的桃子.png").containsEntry("contentType", "image/png")
                .containsEntry("size", png.length);
        var download = api.client.get().uri("/api/v1/tickets/{t}/attachments/{a}/content", ticket, attachment.get("id"))
                .accept(MediaType.ALL).exchange()
                .expectStatus().isOk()
                .expectHeader().contentType(MediaType.IMAGE_PNG)
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectBody(byte[].class).returnResult();
        assertThat(download.getResponseBody()).isEqualTo(png);
        assertThat(download.getResponseHeaders().getContentDisposition().isAttachment()).isTrue();
        assertThat(download.getResponseHeaders().getContentDisposition().getFilename()).isEqualTo("淤青的桃子.png");
        var entry = api.timeline(ticket).getLast();
        assertThat(entry).containsEntry("kind", "attachment");
        assertThat(map(entry.get("attachment"))).containsEntry("id", attachment.get("id"));
        api.client.get().uri("/api/v1/tickets/{t}/attachments", ticket).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$[0].contentType").isEqualTo("image/png");
    }

    @Test
    void anExecutableNamedLikeAPhotoIsRefusedWith415() {
        var executable = new byte[4096];
        executable[0] = 'M';
        executable[1] = 'Z';
        System.arraycopy("This program cannot be run in DOS mode.".getBytes(), 0, executable, 78, 39);

        upload(ticket, executable, "photo.jpg", MediaType.IMAGE_JPEG)
                .expectStatus().isEqualTo(415)
                .expectBody().jsonPath("$.type").isEqualTo("https://xiaoer.dev/problems/attachment-type-not-allowed");

        upload(ticket, "<html><script>alert(1)</script></html>".getBytes(), "notes.txt", MediaType.TEXT_PLAIN)
                .expectStatus().isEqualTo(415);
        assertNothingAttached();
    }

    @Test
    void aFileOverTheSizeLimitIsRefusedWith413() throws IOException {
        var png = photo();
        var oversize = Arrays.copyOf(png, 2 * 1024 * 1024 + 1);

        upload(ticket, oversize, "huge.png", MediaType.IMAGE_PNG)
                .expectStatus().isEqualTo(413)
                .expectBody().jsonPath("$.type").isEqualTo("https://xiaoer.dev/problems/attachment-too-large");
        assertNothingAttached();
    }

    @Test
    void plainTextCsvAndPdfAreAccepted() {
        assertThat(uploadedType("hello, 你好".getBytes(), "note.txt")).isEqualTo("text/plain");
        assertThat(uploadedType("order,qty\n88123,2\n".getBytes(), "orders.csv")).isEqualTo("text/csv");
        assertThat(uploadedType("%PDF-1.4\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n".getBytes(), "invoice.pdf"))
                .isEqualTo("application/pdf");
    }

    private String uploadedType(byte[] content, String name) {
        return (String) upload(ticket, content, name, MediaType.APPLICATION_OCTET_STREAM).expectStatus().isCreated()
                .expectBody(TicketApi.JSON).returnResult().getResponseBody().get("contentType");
    }

    private void assertNothingAttached() {
        api.client.get().uri("/api/v1/tickets/{t}/attachments", ticket).exchange().expectBody().json("[]");
        assertThat(api.timeline(ticket)).extracting(e -> e.get("kind")).isEqualTo(List.of("message"));
    }

    private RestTestClient.ResponseSpec upload(UUID ticket, byte[] content, String name, MediaType type) {
        var headers = new HttpHeaders();
        headers.setContentType(type);
        headers.setContentDisposition(ContentDisposition.formData().name("file").filename(name, StandardCharsets.UTF_8)
                .build());
        var parts = new LinkedMultiValueMap<String, Object>();
        parts.add("file", new HttpEntity<>(content, headers));
        return api.client.post().uri("/api/v1/tickets/{id}/attachments", ticket)
                .contentType(MediaType.MULTIPART_FORM_DATA).body(parts).exchange();
    }

    /** A real PNG image: a small peach-coloured square. */
    private static byte[] photo() throws IOException {
        var image = new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB);
        var graphics = image.createGraphics();
        graphics.setColor(new Color(0xFF, 0xB0, 0x7A));
        graphics.fillRect(0, 0, 32, 32);
        graphics.dispose();
        var out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
