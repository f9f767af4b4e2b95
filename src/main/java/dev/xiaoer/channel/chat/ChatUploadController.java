package dev.xiaoer.channel.chat;

import dev.xiaoer.customer.CustomerManagement;
import dev.xiaoer.identity.Actor;
import dev.xiaoer.kernel.BusinessException;
import dev.xiaoer.kernel.InvalidInput;
import dev.xiaoer.ticket.AttachmentTypeNotAllowed;
import dev.xiaoer.ticket.TicketManagement;
import dev.xiaoer.workspace.WorkspaceManagement;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.CrossOrigin;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.util.WebUtils;

/**
 * A photo from the chat widget (a damaged parcel, spoiled fruit): sent over HTTP, since a STOMP frame
 * holds a few kilobytes of text, with the same admission as the widget's connection and the same
 * once-per-client-id rule as its messages. The photo is checked before anything is stored: an image
 * within the size limit, or nothing. It is filed as a short message ("Photo: box.jpg") on the visitor's
 * chat ticket, which it opens if need be, and attached to that ticket. Pages of any site call this, so
 * the answer may be read from any origin; which sites may chat is the workspace's setting, checked here.
 */
@RestController
class ChatUploadController {

    private final VisitorAdmission admission;
    private final XiaoerAddress address;
    private final ChatFloodLimit floodLimit;
    private final ChatFiling filing;
    private final CustomerManagement customers;
    private final TicketManagement tickets;
    private final ChatStateNotices notices;
    private final WorkspaceManagement workspaces;
    private final MessageSource texts;
    private final Clock clock;

    ChatUploadController(VisitorAdmission admission, XiaoerAddress address, ChatFloodLimit floodLimit,
                         ChatFiling filing, CustomerManagement customers, TicketManagement tickets,
                         ChatStateNotices notices, WorkspaceManagement workspaces, MessageSource texts, Clock clock) {
        this.admission = admission;
        this.address = address;
        this.floodLimit = floodLimit;
        this.filing = filing;
        this.customers = customers;
        this.tickets = tickets;
        this.notices = notices;
        this.workspaces = workspaces;
        this.texts = texts;
        this.clock = clock;
    }

    @CrossOrigin(origins = "*")
    @PostMapping(path = "/chat/uploads", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<ChatFrames.ToVisitor> upload(@RequestParam String workspace, @RequestParam String visitor,
                                                @RequestParam(required = false) String user,
                                                @RequestParam(required = false) String userHash,
                                                @RequestParam String clientId, @RequestParam MultipartFile file,
                                                HttpServletRequest request) {
        var origin = request.getHeader(HttpHeaders.ORIGIN);
        var normalised = origin == null ? null : AllowedOrigins.normalise(origin).orElse(origin);
        var own = origin == null || WebUtils.isSameOrigin(new ServletServerHttpRequest(request))
                || address.isOwnOrigin(normalised);
        var sender = admission.admit(workspace, visitor, blankToNull(user), userHash, normalised, own);
        if (!ChatClientMessages.isValidClientId(clientId)) {
            throw new InvalidInput("clientId", "invalid-client-id");
        }
        var content = bytes(file);
        var type = tickets.checkAttachment(file.getOriginalFilename(), content);
        if (!type.startsWith("image/")) {
            throw new AttachmentTypeNotAllowed(type);
        }
        if (!floodLimit.allow(sender)) {
            throw new TooManyMessages();
        }
        var caption = texts.getMessage("chat.photo", new Object[] {shortName(file.getOriginalFilename())},
                workspaces.get(sender.workspace()).defaultLanguage());
        var outcome = filing.file(sender, clientId, caption);
        if (outcome instanceof ChatFiling.SentBefore before) {
            // Sent before (the widget retried after a dropped answer): answer as the first time.
            return before.ticketNumber()
                    .map(number -> answer(ChatFrames.ToVisitor.ack(clientId, number, clock.instant())))
                    .orElseThrow(StillFiling::new);
        }
        var filed = ((ChatFiling.Filed) outcome).result();
        var name = customers.names(sender.workspace(), List.of(filed.customer())).get(filed.customer());
        var customer = Actor.customer(sender.workspace(), filed.customer().value(), name);
        tickets.attach(customer, filed.ticket(), file.getOriginalFilename(), content);
        if (filed.ticketCreated()) {
            notices.chatOpened(sender.workspace());
        }
        return answer(ChatFrames.ToVisitor.ack(clientId, filed.number(), clock.instant()));
    }

    private static ResponseEntity<ChatFrames.ToVisitor> answer(ChatFrames.ToVisitor ack) {
        return ResponseEntity.ok(ack);
    }

    /** The file's own name, as the caption shows it: no path, no control characters, not too long. */
    private static String shortName(String original) {
        var name = StringUtils.getFilename(original == null ? "" : original.replace('\\', '/'));
        name = name == null ? "" : name.replaceAll("\\p{Cntrl}", "").strip();
        return name.isEmpty() ? "photo" : name.length() > 80 ? name.substring(name.length() - 80) : name;
    }

    private static byte[] bytes(MultipartFile file) {
        try {
            return file.getBytes();
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** More photos and messages than a person sends: the widget says so and nothing is stored. */
    static final class TooManyMessages extends BusinessException {
        TooManyMessages() {
            super("rate-limited", Kind.TOO_MANY_REQUESTS, "Too many chat messages from one visitor");
        }
    }

    /** The same photo is being filed by another request right now; the widget retries. */
    static final class StillFiling extends BusinessException {
        StillFiling() {
            super("chat-message-still-filing", Kind.CONFLICT, "The same client id is being filed");
        }
    }
}
