package dev.xiaoer.customer.web;

import dev.xiaoer.customer.ChannelIdentity;
import dev.xiaoer.customer.CustomerId;
import dev.xiaoer.customer.CustomerManagement;
import dev.xiaoer.customer.CustomerMergedAway;
import dev.xiaoer.customer.CustomerSearch;
import dev.xiaoer.customer.IdentityType;
import dev.xiaoer.customer.InvalidIdentity;
import dev.xiaoer.customer.web.CustomerRequests.CreateCustomer;
import dev.xiaoer.customer.web.CustomerRequests.IdentityRequest;
import dev.xiaoer.customer.web.CustomerRequests.MergeRequest;
import dev.xiaoer.customer.web.CustomerRequests.UpdateCustomer;
import dev.xiaoer.identity.Actor;
import dev.xiaoer.kernel.Cursor;
import dev.xiaoer.kernel.CursorPage;
import dev.xiaoer.kernel.InvalidInput;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/customers")
@Tag(name = "Customers", description = "Customer profiles, their identities per channel, and merging duplicates."
        + " A merged customer answers 404 with problem type customer-merged and the survivor's id in mergedInto.")
class CustomerController {

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String PROBLEM_BASE = "https://xiaoer.dev/problems/";

    private final CustomerManagement customers;
    private final MessageSource messages;

    CustomerController(CustomerManagement customers, MessageSource messages) {
        this.customers = customers;
        this.messages = messages;
    }

    @PostMapping
    @Operation(operationId = "createCustomer", summary = "Create a customer",
            description = "The customer's email and phone also become identities. Every identity must be free in"
                    + " the workspace: one held by another customer refuses the whole request.")
    @ApiResponse(responseCode = "201", description = "Created")
    @ApiResponse(responseCode = "409", description = "An identity belongs to another customer (problem type"
            + " customer-identity-in-use, naming the identity and its customer)",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<CustomerView> create(Actor actor, @Valid @RequestBody CreateCustomer request) {
        var customer = customers.create(actor.workspace(), request.toCommand());
        return ResponseEntity.created(URI.create("/api/v1/customers/" + customer.id()))
                .body(CustomerView.from(customer));
    }

    @GetMapping
    @Operation(operationId = "listCustomers", summary = "List customers",
            description = "Newest first, with cursor pagination. Merged customers are left out.")
    CursorPage<CustomerView> list(
            Actor actor,
            @Parameter(description = "Text in the name, e-mail, phone number or an identity", example = "王")
            @RequestParam(required = false) @Size(max = 200) String q,
            @Parameter(description = "Only customers with this tag", example = "fruit")
            @RequestParam(required = false) @Size(max = 60) String tag,
            @Parameter(description = "Only customers of this tier", example = "vip")
            @RequestParam(required = false) @Size(max = 40) String tier,
            @Parameter(description = "The nextCursor of the previous page")
            @RequestParam(required = false) @Size(max = 200) String cursor,
            @Parameter(description = "Page size, 1 to 100 (default 25)")
            @RequestParam(required = false) Integer limit) {
        var page = customers.search(actor.workspace(), new CustomerSearch(q, tag, tier,
                cursor == null || cursor.isBlank() ? null : Cursor.decode(cursor), CursorPage.limit(limit)));
        return new CursorPage<>(page.items().stream().map(CustomerView::from).toList(), page.nextCursor());
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getCustomer", summary = "A customer with its identities and tags")
    @ApiResponse(responseCode = "200", description = "The customer")
    @ApiResponse(responseCode = "404", description = "No such customer; or it was merged: problem type"
            + " customer-merged with the surviving customer's id in mergedInto",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class)))
    CustomerView get(Actor actor, @PathVariable UUID id) {
        var customer = customers.getActive(actor.workspace(), new CustomerId(id));
        return CustomerView.from(customer, customers.mergesInto(actor.workspace(), customer.id()));
    }

    @PatchMapping("/{id}")
    @Operation(operationId = "updateCustomer", summary = "Update a customer",
            description = "Partial: a field left out or null keeps its value, an empty string clears an optional"
                    + " field, tags replace all tags. A new email or phone also becomes an identity.")
    CustomerView update(Actor actor, @PathVariable UUID id, @Valid @RequestBody UpdateCustomer request) {
        return CustomerView.from(customers.update(actor.workspace(), new CustomerId(id), request.toChanges()));
    }

    @PostMapping("/{id}/identities")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "addCustomerIdentity", summary = "Add an identity to a customer",
            description = "Adding one the customer already has changes nothing.")
    @ApiResponse(responseCode = "201", description = "The customer with the identity")
    @ApiResponse(responseCode = "409", description = "The identity belongs to another customer: merge them instead",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class)))
    CustomerView addIdentity(Actor actor, @PathVariable UUID id, @Valid @RequestBody IdentityRequest request) {
        return CustomerView.from(customers.addIdentity(actor.workspace(), new CustomerId(id),
                request.toIdentity("value")));
    }

    @DeleteMapping("/{id}/identities/{type}/{value}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "removeCustomerIdentity", summary = "Remove an identity from a customer",
            description = "The next contact through it creates or finds another customer. The profile's email and"
                    + " phone stay as they are.")
    void removeIdentity(Actor actor, @PathVariable UUID id,
                        @Parameter(example = "email") @PathVariable String type,
                        @Parameter(example = "wang.fang@example.cn") @PathVariable String value) {
        var identityType = IdentityType.fromCode(type)
                .orElseThrow(() -> new InvalidInput("type", "customer-unknown-identity-type", type));
        if (value.length() > ChannelIdentity.MAX_LENGTH) {
            throw new InvalidIdentity("value", identityType);
        }
        customers.removeIdentity(actor.workspace(), new CustomerId(id),
                ChannelIdentity.parse("value", identityType, value));
    }

    @PostMapping("/{id}/merge")
    @Operation(operationId = "mergeCustomers", summary = "Merge a duplicate customer into this one",
            description = "Moves the source's identities, tags and tickets to this customer, which keeps its own"
                    + " profile and fills its empty fields from the source. The source then answers 404"
                    + " customer-merged pointing here. The merge is recorded with who and when.")
    @ApiResponse(responseCode = "200", description = "The surviving customer")
    @ApiResponse(responseCode = "400", description = "The source is this customer (customer-merge-into-itself), or"
            + " not a customer of this workspace (unknown-customer, field source)",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "409", description = "One of the two was already merged (customer-already-merged)",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class)))
    CustomerView merge(Actor actor, @PathVariable UUID id, @Valid @RequestBody MergeRequest request) {
        return CustomerView.from(customers.merge(actor.workspace(), new CustomerId(request.source()),
                new CustomerId(id), actor));
    }

    /**
     * A merged customer answers like a missing one, as in Zendesk and Chatwoot where the merged-away
     * record is gone, but tells where it went: {@code mergedInto} holds the survivor's id.
     */
    @ExceptionHandler(CustomerMergedAway.class)
    ResponseEntity<ProblemDetail> mergedAway(CustomerMergedAway e, HttpServletRequest request) {
        var locale = LocaleContextHolder.getLocale();
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                messages.getMessage("problem." + e.code(), e.arguments(), e.getMessage(), locale));
        problem.setType(URI.create(PROBLEM_BASE + e.code()));
        problem.setTitle(messages.getMessage("problem." + e.code() + ".title", null, "Not Found", locale));
        problem.setInstance(URI.create(request.getRequestURI()));
        problem.setProperty("mergedInto", e.mergedInto().value());
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
    }
}
