package dev.xiaoer.ticket;

import dev.xiaoer.kernel.InvalidInput;
import dev.xiaoer.kernel.NotFound;
import dev.xiaoer.ticket.domain.CustomFieldRules;
import dev.xiaoer.ticket.infra.FieldDefinitionRows;
import dev.xiaoer.workspace.WorkspaceId;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The custom ticket fields a workspace defines (an order number, a delivery date, a region).
 * A field's key and type are fixed once defined; its label and options may change. Values already
 * stored on tickets stay as they are when an option is removed.
 */
@Service
public class TicketFieldManagement {

    private final FieldDefinitionRows fields;
    private final Clock clock;

    TicketFieldManagement(FieldDefinitionRows fields, Clock clock) {
        this.fields = fields;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<TicketFieldDefinition> fields(WorkspaceId workspace) {
        return fields.all(workspace);
    }

    @Transactional(readOnly = true)
    public TicketFieldDefinition get(WorkspaceId workspace, UUID id) {
        return fields.find(workspace, id).orElseThrow(() -> new NotFound("ticket-field", id));
    }

    /**
     * Defines a field.
     *
     * @throws TicketFieldExists when the key is taken
     * @throws InvalidInput      for a key not matching {@code [a-z][a-z0-9_]{0,39}}, a blank label, options on a
     *                           field that is not single-select, or a single-select field without options
     */
    @Transactional
    public TicketFieldDefinition define(WorkspaceId workspace, String key, String label, CustomFieldType type,
                                        List<String> options) {
        if (type == null) {
            throw new InvalidInput("type", "text-required");
        }
        var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        var field = new TicketFieldDefinition(UUID.randomUUID(), CustomFieldRules.key(key),
                CustomFieldRules.label(label), type, CustomFieldRules.options(type, options), now, now);
        if (fields.count(workspace) >= CustomFieldRules.MAX_FIELDS) {
            throw new InvalidInput("key", "too-many-fields", CustomFieldRules.MAX_FIELDS);
        }
        if (!fields.insert(workspace, field)) {
            throw new TicketFieldExists(field.key());
        }
        return field;
    }

    /** Changes the label and, for single-select fields, the options; {@code null} leaves either as it is. */
    @Transactional
    public TicketFieldDefinition change(WorkspaceId workspace, UUID id, String label, List<String> options) {
        var field = get(workspace, id);
        var changed = new TicketFieldDefinition(field.id(), field.key(),
                label == null ? field.label() : CustomFieldRules.label(label), field.type(),
                options == null ? field.options() : CustomFieldRules.options(field.type(), options), field.createdAt(),
                clock.instant().truncatedTo(ChronoUnit.MICROS));
        fields.update(workspace, changed);
        return changed;
    }
}
