package dev.xiaoer.ticket.web;

import dev.xiaoer.customer.Customer;
import dev.xiaoer.customer.CustomerManagement;
import dev.xiaoer.identity.Actor;
import dev.xiaoer.kernel.NotFound;
import dev.xiaoer.platform.PageLanguage;
import dev.xiaoer.ticket.AttachmentInfo;
import dev.xiaoer.ticket.NewMessage;
import dev.xiaoer.ticket.SelfServiceAccess;
import dev.xiaoer.ticket.SelfServiceLinkRejected;
import dev.xiaoer.ticket.SelfServiceLinks;
import dev.xiaoer.ticket.TicketChannel;
import dev.xiaoer.ticket.TicketId;
import dev.xiaoer.ticket.TicketManagement;
import dev.xiaoer.ticket.TicketStatus;
import dev.xiaoer.ticket.TicketView;
import dev.xiaoer.ticket.TimelineEntry;
import dev.xiaoer.ticket.TimelineEntryKind;
import dev.xiaoer.workspace.WorkspaceId;
import dev.xiaoer.workspace.WorkspaceManagement;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * The customer's page for one ticket, reached through the signed link sent with each reply
 * ({@code /self-service/<token>}), without an account: the ticket's status in plain words, its
 * public timeline (no internal notes, no field changes) and a reply box that writes as the customer.
 * The page speaks the customer's language, else the browser's. A link that was altered or has
 * expired gets a friendly page that tells nothing about the ticket.
 */
@Controller
@RequestMapping("/self-service/{token}")
class SelfServiceController {

    private static final int TIMELINE_PAGE = 200;
    private static final int TIMELINE_MAX = 2_000;
    private static final List<Locale> SPOKEN = List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH);

    private final SelfServiceLinks links;
    private final TicketManagement tickets;
    private final CustomerManagement customers;
    private final WorkspaceManagement workspaces;
    private final PageSupport support;

    SelfServiceController(SelfServiceLinks links, TicketManagement tickets, CustomerManagement customers,
                          WorkspaceManagement workspaces, PageSupport support) {
        this.links = links;
        this.tickets = tickets;
        this.customers = customers;
        this.workspaces = workspaces;
        this.support = support;
    }

    /** What a verified link opens: the customer's own ticket. */
    private record Visit(SelfServiceAccess access, TicketView ticket, Customer customer) {
    }

    /**
     * One entry of the public timeline as the customer reads it.
     *
     * @param style {@code you}, {@code team}, {@code status} or {@code attachment}
     */
    record Item(String style, String authorName, Instant at, String body, TicketStatus status,
                AttachmentInfo attachment) {
    }

    @GetMapping
    String show(@PathVariable String token, HttpServletRequest request, Model model) {
        var visit = visit(token);
        var mergedInto = visit.ticket().mergedInto();
        if (mergedInto != null) {
            // The conversation continues on the ticket this one was merged into, when it is the same customer's.
            var target = tickets.find(visit.access().workspace(), mergedInto.id())
                    .filter(ticket -> ticket.requester().equals(visit.customer().id()));
            if (target.isPresent()) {
                return "redirect:/self-service/" + links.token(visit.access().workspace(), target.get().id(),
                        visit.customer().id());
            }
        }
        return page(token, visit, "", null, request, model);
    }

    @PostMapping
    String reply(@PathVariable String token, @RequestParam(defaultValue = "") String body,
                 HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
        var visit = visit(token);
        var text = body.strip();
        if (text.isEmpty() || text.length() > TicketManagement.MAX_BODY_LENGTH) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return page(token, visit, body, text.isEmpty() ? "self-service.reply.required" : "self-service.reply.too-long",
                    request, model);
        }
        var customer = visit.customer();
        var actor = Actor.customer(visit.access().workspace(), customer.id().value(), customer.name());
        var result = tickets.reply(actor, visit.ticket().id(), NewMessage.fromCustomer(text).via(TicketChannel.WEB));
        if (!result.ticket().equals(visit.ticket().id())) {
            // A closed ticket: the message started a new request, which has its own link.
            redirect.addFlashAttribute("startedNumber", result.number());
            return "redirect:/self-service/" + links.token(visit.access().workspace(), result.ticket(), customer.id());
        }
        redirect.addFlashAttribute("sent", true);
        return "redirect:/self-service/" + token;
    }

    @GetMapping("/attachments/{attachment}")
    ResponseEntity<byte[]> attachment(@PathVariable String token, @PathVariable UUID attachment) {
        var visit = visit(token);
        return TicketPageController.download(tickets.attachment(visit.access().workspace(), visit.ticket().id(),
                attachment));
    }

    /** Whatever is wrong with the link, the customer learns only that it does not work and what to do. */
    @ExceptionHandler({SelfServiceLinkRejected.class, NotFound.class})
    String rejected(HttpServletRequest request, HttpServletResponse response) {
        speak(request, null);
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        return "self-service/invalid";
    }

    private Visit visit(String token) {
        var access = links.verify(token);
        var ticket = tickets.find(access.workspace(), access.ticket())
                .filter(found -> found.requester().equals(access.customer()))
                .orElseThrow(() -> new SelfServiceLinkRejected(SelfServiceLinkRejected.Reason.INVALID));
        var customer = customers.find(access.workspace(), access.customer())
                .orElseThrow(() -> new SelfServiceLinkRejected(SelfServiceLinkRejected.Reason.INVALID));
        return new Visit(access, ticket, customer);
    }

    private String page(String token, Visit visit, String body, String error, HttpServletRequest request, Model model) {
        var locale = speak(request, visit.customer().language());
        var workspace = visit.access().workspace();
        model.addAttribute("token", token);
        model.addAttribute("workspaceName", workspaces.get(workspace).name());
        model.addAttribute("ticket", visit.ticket());
        model.addAttribute("items", publicTimeline(workspace, visit.ticket().id()).stream().map(this::item).toList());
        model.addAttribute("time", support.times(workspace, locale));
        model.addAttribute("body", body);
        model.addAttribute("error", error);
        return "self-service/page";
    }

    private Item item(TimelineEntry entry) {
        var author = entry.author();
        var fromCustomer = author != null && author.type() == Actor.Type.CUSTOMER;
        var name = author == null ? null : author.name();
        if (entry.kind() == TimelineEntryKind.STATUS_CHANGE) {
            var status = TicketStatus.valueOf(entry.change().to().toUpperCase(Locale.ROOT));
            return new Item("status", null, entry.at(), null, status, null);
        }
        if (entry.kind() == TimelineEntryKind.ATTACHMENT) {
            return new Item("attachment", fromCustomer ? null : name, entry.at(), null, null, entry.attachment());
        }
        var named = !fromCustomer && author != null && author.type() != Actor.Type.SYSTEM;
        return new Item(fromCustomer ? "you" : "team", named ? name : null, entry.at(), entry.body(), null, null);
    }

    private List<TimelineEntry> publicTimeline(WorkspaceId workspace, TicketId id) {
        var entries = new ArrayList<TimelineEntry>();
        String cursor = null;
        do {
            var page = tickets.publicTimeline(workspace, id, cursor, TIMELINE_PAGE);
            entries.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null && entries.size() < TIMELINE_MAX);
        // Only what the customer may see, whatever the timeline holds.
        return entries.stream().filter(TimelineEntry::isPublic).toList();
    }

    /**
     * Renders this page in the customer's language when Xiaoer speaks it, else in the browser's: the
     * reader is not a user, so no user setting applies.
     */
    private static Locale speak(HttpServletRequest request, String customerLanguage) {
        var browser = RequestContextUtils.getLocale(request);
        var chosen = customerLanguage == null ? null : spoken(Locale.forLanguageTag(customerLanguage));
        var locale = chosen != null ? chosen : spoken(browser);
        var resolved = locale == null ? Locale.ENGLISH : locale;
        PageLanguage.use(request, resolved);
        return resolved;
    }

    private static Locale spoken(Locale locale) {
        return SPOKEN.stream().filter(candidate -> candidate.getLanguage().equals(locale.getLanguage())).findFirst()
                .orElse(null);
    }
}
