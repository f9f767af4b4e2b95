package dev.xiaoer.channel.web;

import dev.xiaoer.channel.InboundMessage;
import dev.xiaoer.channel.InboundMessages;
import dev.xiaoer.customer.ChannelIdentity;
import dev.xiaoer.customer.IdentityType;
import dev.xiaoer.identity.Actor;
import dev.xiaoer.kernel.InvalidInput;
import dev.xiaoer.ticket.TicketChannel;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/inbound-messages")
@Tag(name = "Inbound messages", description = "Customer messages from external systems (shops, phone systems, gateways)")
class InboundMessageController {

    private final InboundMessages inbound;

    InboundMessageController(InboundMessages inbound) {
        this.inbound = inbound;
    }

    /** Exactly one identity; the snake-case names are the wire format integrations send. */
    record Sender(
            @Schema(example = "li.na@example.com") @Email @Size(max = 254) String email,
            @Schema(example = "+8613800138000") @Size(max = 40) String phone,
            @Size(max = 128) String wechat_openid,
            @Size(max = 128) String visitor_id,
            @Schema(description = "The customer's id in the shop system") @Size(max = 128) String external_id,
            @Schema(example = "李娜") @Size(max = 200) String name) {
    }

    record InboundMessageRequest(
            @NotNull TicketChannel channel,
            @NotNull @Valid Sender from,
            @Schema(description = "Optional; the first line of the body stands in") @Size(max = 200) String subject,
            @NotBlank @Size(max = 20_000) String body,
            @Schema(description = "The conversation on the sender's side; messages of one thread go to one ticket",
                    example = "order-88123") @Size(max = 200) String externalThreadId) {
    }

    record InboundMessageResponse(
            UUID ticketId, long number,
            @Schema(description = "Whether a new ticket was opened (first message of a thread, or a follow-up)") boolean ticketCreated,
            @Schema(nullable = true, description = "The closed ticket this message followed up") UUID followUpOf,
            UUID customerId) {
    }

    @PostMapping
    @Operation(summary = "File a customer's message",
            description = "Finds or creates the customer by the sender identity; continues the ticket of `externalThreadId` "
                    + "if it has one (a closed one gets a follow-up), otherwise opens a ticket.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(
                    name = "late delivery", value = """
                            {"channel": "api", "from": {"phone": "+8613800138000", "name": "李娜"},
                             "subject": "化肥还没到", "body": "订单 88123 的复合肥一周了还没到，春耕等着用。",
                             "externalThreadId": "order-88123"}"""))))
    @ApiResponse(responseCode = "201", description = "A ticket was opened")
    @ApiResponse(responseCode = "200", description = "The message continued an existing ticket")
    ResponseEntity<InboundMessageResponse> receive(Actor actor, @Valid @RequestBody InboundMessageRequest request) {
        var result = inbound.receive(actor.workspace(), new InboundMessage(request.channel(), identity(request.from()),
                request.from().name(), request.subject(), request.body(), request.externalThreadId()));
        return ResponseEntity.status(result.ticketCreated() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(new InboundMessageResponse(result.ticket().value(), result.number(), result.ticketCreated(),
                        result.followUpOf() == null ? null : result.followUpOf().id().value(), result.customer().value()));
    }

    private static ChannelIdentity identity(Sender from) {
        var given = new ArrayList<ChannelIdentity>();
        var field = "from";
        try {
            if (from.email() != null) {
                field = "from.email";
                given.add(ChannelIdentity.email(from.email()));
            }
            if (from.phone() != null) {
                field = "from.phone";
                given.add(ChannelIdentity.phone(from.phone()));
            }
            if (from.wechat_openid() != null) {
                field = "from.wechat_openid";
                given.add(new ChannelIdentity(IdentityType.WECHAT_OPENID, from.wechat_openid()));
            }
            if (from.visitor_id() != null) {
                field = "from.visitor_id";
                given.add(new ChannelIdentity(IdentityType.CHAT_VISITOR, from.visitor_id()));
            }
            if (from.external_id() != null) {
                field = "from.external_id";
                given.add(new ChannelIdentity(IdentityType.EXTERNAL, from.external_id()));
            }
        } catch (IllegalArgumentException e) {
            throw new InvalidInput(field, "sender-identity-invalid");
        }
        if (given.size() != 1) {
            throw new InvalidInput("from", "from-needs-one-identity");
        }
        return given.getFirst();
    }
}
