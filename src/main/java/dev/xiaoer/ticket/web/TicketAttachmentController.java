package dev.xiaoer.ticket.web;

import dev.xiaoer.identity.Actor;
import dev.xiaoer.ticket.TicketId;
import dev.xiaoer.ticket.TicketManagement;
import dev.xiaoer.ticket.web.TicketJson.AttachmentResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/v1/tickets/{id}/attachments")
@Tag(name = "Tickets")
class TicketAttachmentController {

    private final TicketManagement tickets;

    TicketAttachmentController(TicketManagement tickets) {
        this.tickets = tickets;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Attach a file",
            description = "Multipart part `file`. The type is detected from the bytes (Apache Tika): images, PDF, plain "
                    + "text, CSV and office documents are accepted; anything else gets 415, whatever its name. "
                    + "Files over `xiaoer.tickets.attachment-max-size` get 413.")
    @ApiResponse(responseCode = "201", description = "Attached")
    @ApiResponse(responseCode = "413", description = "Too large")
    @ApiResponse(responseCode = "415", description = "Type not allowed")
    ResponseEntity<AttachmentResponse> upload(Actor actor, @PathVariable UUID id, @RequestPart("file") MultipartFile file) {
        byte[] content;
        try {
            content = file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var info = tickets.attach(actor, new TicketId(id), file.getOriginalFilename(), content);
        return ResponseEntity.status(HttpStatus.CREATED).body(AttachmentResponse.from(info));
    }

    @GetMapping
    @Operation(summary = "Attachments of the ticket, without their content")
    List<AttachmentResponse> list(Actor actor, @PathVariable UUID id) {
        return tickets.attachments(actor.workspace(), new TicketId(id)).stream().map(AttachmentResponse::from).toList();
    }

    @GetMapping("/{attachmentId}/content")
    @Operation(summary = "Download an attachment",
            description = "Served with its detected content type, as a download (`Content-Disposition: attachment`), "
                    + "never rendered in place.")
    ResponseEntity<byte[]> content(Actor actor, @PathVariable UUID id, @PathVariable UUID attachmentId) {
        var attachment = tickets.attachment(actor.workspace(), new TicketId(id), attachmentId);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(attachment.info().contentType()))
                .contentLength(attachment.bytes().length)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(attachment.info().fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(attachment.bytes());
    }
}
