package dev.xiaoer.ticket;

import java.time.Instant;
import java.util.UUID;

/** A file on a ticket. {@code contentType} was detected from the bytes, never taken from the uploader. */
public record AttachmentInfo(UUID id, String fileName, String contentType, long size, Instant createdAt) {
}
