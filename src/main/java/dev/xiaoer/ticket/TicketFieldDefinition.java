package dev.xiaoer.ticket;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A custom ticket field of a workspace; {@code options} is empty unless the type is single-select. */
public record TicketFieldDefinition(UUID id, String key, String label, CustomFieldType type, List<String> options,
                                    Instant createdAt, Instant updatedAt) {
}
