package dev.xiaoer.ticket.web;

import dev.xiaoer.identity.Actor;
import dev.xiaoer.ticket.CustomFieldType;
import dev.xiaoer.ticket.TicketFieldDefinition;
import dev.xiaoer.ticket.TicketFieldManagement;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/ticket-fields")
@Tag(name = "Ticket fields", description = "Custom ticket fields the workspace defines")
class TicketFieldController {

    private final TicketFieldManagement fields;

    TicketFieldController(TicketFieldManagement fields) {
        this.fields = fields;
    }

    record CreateFieldRequest(
            @Schema(description = "Lower case, digits and _; fixed once defined", example = "delivery_region")
            @NotBlank @Size(max = 40) String key,
            @Schema(example = "配送区域 / Delivery region") @NotBlank @Size(max = 100) String label,
            @NotNull CustomFieldType type,
            @Schema(description = "Required for single_select, not allowed otherwise", example = "[\"华北\", \"华东\", \"华南\"]")
            List<String> options) {
    }

    record ChangeFieldRequest(@Size(max = 100) String label,
                              @Schema(description = "Replaces the options of a single_select field") List<String> options) {
    }

    @Schema(name = "TicketField")
    record FieldResponse(UUID id, String key, String label, CustomFieldType type, List<String> options,
                         Instant createdAt, Instant updatedAt) {

        static FieldResponse from(TicketFieldDefinition field) {
            return new FieldResponse(field.id(), field.key(), field.label(), field.type(), field.options(),
                    field.createdAt(), field.updatedAt());
        }
    }

    @GetMapping
    @Operation(summary = "The workspace's custom ticket fields")
    List<FieldResponse> list(Actor actor) {
        return fields.fields(actor.workspace()).stream().map(FieldResponse::from).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One custom ticket field")
    FieldResponse get(Actor actor, @PathVariable UUID id) {
        return FieldResponse.from(fields.get(actor.workspace(), id));
    }

    @PostMapping
    @Operation(summary = "Define a custom ticket field", description = "Types: text, number, date, single_select.")
    @ApiResponse(responseCode = "201", description = "Defined")
    @ApiResponse(responseCode = "409", description = "The key is taken")
    ResponseEntity<FieldResponse> create(Actor actor, @Valid @RequestBody CreateFieldRequest request) {
        var field = fields.define(actor.workspace(), request.key(), request.label(), request.type(), request.options());
        return ResponseEntity.created(URI.create("/api/v1/ticket-fields/" + field.id())).body(FieldResponse.from(field));
    }

    @PatchMapping("/{id}")
    @Operation(summary = "Change a field's label or options", description = "Key and type are fixed.")
    FieldResponse change(Actor actor, @PathVariable UUID id, @Valid @RequestBody ChangeFieldRequest request) {
        return FieldResponse.from(fields.change(actor.workspace(), id, request.label(), request.options()));
    }
}
