package dev.xiaoer.ticket.web;

import dev.xiaoer.agent.TeamId;
import dev.xiaoer.customer.CustomerManagement;
import dev.xiaoer.identity.Actor;
import dev.xiaoer.identity.UserId;
import dev.xiaoer.kernel.InvalidInput;
import dev.xiaoer.kernel.NotFound;
import dev.xiaoer.ticket.AttachmentContent;
import dev.xiaoer.ticket.NewMessage;
import dev.xiaoer.ticket.ReadReceipts;
import dev.xiaoer.ticket.SelfServiceLinks;
import dev.xiaoer.ticket.StaleTicketVersion;
import dev.xiaoer.ticket.TicketChanges;
import dev.xiaoer.ticket.TicketFilter;
import dev.xiaoer.ticket.TicketId;
import dev.xiaoer.ticket.TicketManagement;
import dev.xiaoer.ticket.TicketPriority;
import dev.xiaoer.ticket.TicketProperties;
import dev.xiaoer.ticket.TicketStatus;
import dev.xiaoer.ticket.TicketType;
import dev.xiaoer.ticket.TicketView;
import dev.xiaoer.ticket.TimelineEntry;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The ticket page ({@code /tickets/1042}): header, timeline, composer and the side panel with the
 * ticket's fields and its requester. Replies, notes and field changes come in through htmx and are
 * answered with the new timeline, header, panel and composer, so the page never reloads. Field
 * changes carry the version the agent saw; a ticket changed meanwhile is not overwritten.
 */
@Controller
@RequestMapping("/tickets/{number:\\d{1,18}}")
class TicketPageController {

    /** How far down the agent's own tickets "next conversation" looks. */
    static final int NEXT_LOOKAHEAD = 200;

    private static final int TIMELINE_PAGE = 200;
    private static final int TIMELINE_MAX = 2_000;
    private static final int EARLIER_TICKETS = 5;

    private final TicketManagement tickets;
    private final ReadReceipts receipts;
    private final CustomerManagement customers;
    private final SelfServiceLinks links;
    private final PageSupport support;
    private final MessageSource messages;
    private final TicketProperties properties;

    TicketPageController(TicketManagement tickets, ReadReceipts receipts, CustomerManagement customers, SelfServiceLinks links,
                         PageSupport support, MessageSource messages, TicketProperties properties) {
        this.tickets = tickets;
        this.receipts = receipts;
        this.customers = customers;
        this.links = links;
        this.support = support;
        this.messages = messages;
        this.properties = properties;
    }

    /** What the composer shows: the tab in use, and what was typed when it was refused. */
    record Composer(String kind, String body, String error) {

        static Composer fresh(String kind) {
            return new Composer(kind, "", null);
        }

        public boolean note() {
            return "note".equals(kind);
        }
    }

    @GetMapping
    String show(Actor actor, @PathVariable long number, Locale locale, Model model) {
        var ticket = ticket(actor, number);
        receipts.seen(actor, ticket.id());
        addTicket(actor, ticket, locale, model);
        model.addAttribute("composer", Composer.fresh("reply"));
        return "tickets/page";
    }

    /**
     * The timeline and the header, for an open page that heard the ticket changed; with {@code panel}
     * also the fields, which the page asks for when the agent is not choosing one. With {@code seen}
     * (the page is in front of the agent) what is new counts as read.
     */
    @GetMapping("/timeline")
    String timeline(Actor actor, @PathVariable long number, @RequestParam(defaultValue = "false") boolean panel,
                    @RequestParam(defaultValue = "false") boolean seen, Locale locale, Model model) {
        var ticket = ticket(actor, number);
        if (seen) {
            receipts.seen(actor, ticket.id());
        }
        if (panel) {
            addTicket(actor, ticket, locale, model);
        } else {
            model.addAttribute("ticket", ticket);
            addTimeline(actor, ticket, locale, model);
        }
        model.addAttribute("withPanel", panel);
        return "tickets/timeline";
    }

    /**
     * The agent's next (or, with {@code step} -1, previous) conversation: the one after this ticket in
     * their own open tickets, in the order the inbox lists them. Back to the inbox when there is none.
     */
    @GetMapping("/next")
    String next(Actor actor, @PathVariable long number, @RequestParam(defaultValue = "1") int step) {
        ticket(actor, number);
        var mine = tickets.list(actor.workspace(), TicketListQuery.View.MINE.filter(actor, Set.of()), null,
                NEXT_LOOKAHEAD).items();
        if (mine.isEmpty()) {
            return "redirect:/tickets?view=mine";
        }
        var here = -1;
        for (var i = 0; i < mine.size(); i++) {
            if (mine.get(i).number() == number) {
                here = i;
            }
        }
        var next = here < 0 ? 0 : Math.floorMod(here + Integer.signum(step), mine.size());
        return "redirect:/tickets/" + mine.get(next).number();
    }

    /** A reply (with an optional file) or an internal note, written in the composer. */
    @PostMapping("/messages")
    String write(Actor actor, @PathVariable long number, @RequestParam(defaultValue = "reply") String kind,
                 @RequestParam(defaultValue = "") String body, @RequestParam(required = false) TicketStatus then,
                 @RequestParam(required = false) MultipartFile file, Locale locale, Model model,
                 HttpServletResponse response) {
        var ticket = ticket(actor, number);
        var note = "note".equals(kind);
        var text = body.strip();
        var hasFile = file != null && !file.isEmpty();
        String error = null;
        if (text.length() > TicketManagement.MAX_BODY_LENGTH) {
            error = messages.getMessage("ticket.composer.too-long", new Object[] {TicketManagement.MAX_BODY_LENGTH},
                    locale);
        } else if (note && hasFile) {
            error = messages.getMessage("ticket.composer.note-no-file", null, locale);
        } else if (text.isEmpty() && !hasFile) {
            error = messages.getMessage(note ? "ticket.composer.note-required" : "ticket.composer.reply-required",
                    null, locale);
        }
        if (error != null) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            response.setHeader("HX-Retarget", "#composer-content");
            response.setHeader("HX-Reswap", "outerHTML");
            addTicket(actor, ticket, locale, model);
            model.addAttribute("composer", new Composer(note ? "note" : "reply", body, error));
            return "tickets/page :: ticket-composer";
        }
        if (hasFile) {
            tickets.attach(actor, ticket.id(), file.getOriginalFilename(), bytes(file));
        }
        if (!text.isEmpty() && note) {
            tickets.note(actor, ticket.id(), text);
        } else if (!text.isEmpty()) {
            var result = tickets.reply(actor, ticket.id(), NewMessage.fromAgent(text).thenStatus(then));
            if (ticket.assignee() == null && result.ticket().equals(ticket.id()) && result.status() != TicketStatus.CLOSED) {
                // Whoever answers a ticket nobody holds takes it (it leaves the chat queue, the customer sees who).
                tickets.update(actor, ticket.id(), TicketChanges.none().withAssignee(actor.userId()), null);
            }
            if (!result.ticket().equals(ticket.id())) {
                // The message landed elsewhere (a follow-up of a closed ticket, or the ticket it was merged into).
                response.setHeader("HX-Redirect", "/tickets/" + result.number());
            }
        }
        model.addAttribute("resetComposer", true);
        return updated(actor, ticket.number(), note ? "note" : "reply", locale, model);
    }

    /** The side panel's fields, saved together with the version of the ticket the agent saw. */
    @PostMapping("/fields")
    String change(Actor actor, @PathVariable long number, @RequestParam long version,
                  @RequestParam(required = false) TicketStatus status,
                  @RequestParam(required = false) TicketPriority priority,
                  @RequestParam(required = false) TicketType type,
                  @RequestParam(required = false) String assignee,
                  @RequestParam(required = false) String team,
                  @RequestParam(required = false) String tags,
                  Locale locale, Model model) {
        var ticket = ticket(actor, number);
        var changes = TicketChanges.none().withStatus(status).withPriority(priority).withType(type);
        if (assignee != null) {
            changes = changes.withAssignee(assignee.isBlank() ? null : new UserId(uuid("assignee", assignee)));
        }
        if (team != null) {
            changes = changes.withTeam(team.isBlank() ? null : new TeamId(uuid("team", team)));
        }
        if (tags != null) {
            changes = changes.withTags(tags(tags));
        }
        tickets.update(actor, ticket.id(), changes, version);
        model.addAttribute("fieldsSaved", true);
        return updated(actor, number, "reply", locale, model);
    }

    /**
     * Hands the ticket to another agent or team (or back to the queue), with a note for whoever takes
     * it: the note first, so that the timeline reads as the handover was meant.
     */
    @PostMapping("/transfer")
    String transfer(Actor actor, @PathVariable long number, @RequestParam(defaultValue = "") String assignee,
                    @RequestParam(defaultValue = "") String team, @RequestParam(defaultValue = "") String note,
                    Locale locale, Model model) {
        var ticket = ticket(actor, number);
        var to = assignee.isBlank() ? null : new UserId(uuid("assignee", assignee));
        var toTeam = team.isBlank() ? null : new TeamId(uuid("team", team));
        if (Objects.equals(to, ticket.assignee()) && Objects.equals(toTeam, ticket.team())) {
            throw new InvalidInput("assignee", "transfer-to-someone-else");
        }
        var text = note.strip();
        if (!text.isEmpty()) {
            tickets.note(actor, ticket.id(), text);
        }
        tickets.update(actor, ticket.id(), TicketChanges.none().withAssignee(to).withTeam(toTeam), null);
        model.addAttribute("transferred", true);
        return updated(actor, number, "reply", locale, model);
    }

    @GetMapping("/attachments/{attachment}")
    ResponseEntity<byte[]> attachment(Actor actor, @PathVariable long number, @PathVariable UUID attachment) {
        var ticket = ticket(actor, number);
        var content = tickets.attachment(actor.workspace(), ticket.id(), attachment);
        return download(content);
    }

    /** Someone else changed the ticket since this agent loaded it: say so in the panel, change nothing. */
    @ExceptionHandler(StaleTicketVersion.class)
    String stale(HttpServletRequest request, HttpServletResponse response, Model model) {
        model.addAttribute("reload", request.getContextPath() + request.getServletPath().replaceFirst("/fields$", ""));
        response.setStatus(HttpServletResponse.SC_CONFLICT);
        response.setHeader("HX-Retarget", "#ticket-alert");
        response.setHeader("HX-Reswap", "innerHTML");
        return "tickets/page :: stale";
    }

    /** A field value the ticket refuses (a tag too long, say): explained beside the fields. */
    @ExceptionHandler(InvalidInput.class)
    String invalid(InvalidInput e, Locale locale, Model model, HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        response.setHeader("HX-Retarget", "#ticket-alert");
        response.setHeader("HX-Reswap", "innerHTML");
        var field = e.field() == null ? "" : e.field().replaceAll("\\..*", "");
        model.addAttribute("invalidField", messages.getMessage("ticket.field." + field, null, field, locale));
        model.addAttribute("invalidDetail", messages.getMessage("problem." + e.code(), e.arguments(), "", locale));
        return "tickets/page :: invalid";
    }

    static ResponseEntity<byte[]> download(AttachmentContent content) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(content.info().contentType()))
                .contentLength(content.bytes().length)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(content.info().fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(content.bytes());
    }

    private String updated(Actor actor, long number, String kind, Locale locale, Model model) {
        addTicket(actor, ticket(actor, number), locale, model);
        model.addAttribute("composer", Composer.fresh(kind));
        return "tickets/updated";
    }

    private TicketView ticket(Actor actor, long number) {
        return tickets.findByNumber(actor.workspace(), number).orElseThrow(() -> new NotFound("ticket", "#" + number));
    }

    private void addTicket(Actor actor, TicketView ticket, Locale locale, Model model) {
        var workspace = actor.workspace();
        model.addAttribute("ticket", ticket);
        model.addAttribute("me", actor.id().toString());
        addTimeline(actor, ticket, locale, model);
        var agents = new ArrayList<>(support.agents(actor, locale));
        if (ticket.assignee() != null && agents.stream()
                .noneMatch(agent -> agent.value().equals(ticket.assignee().value().toString()))) {
            // Assigned to someone who is no longer an agent: keep them selected, so that saving another
            // field does not unassign the ticket by the way.
            agents.addFirst(new PageSupport.Option(ticket.assignee().value().toString(),
                    ticket.assigneeName() == null ? messages.getMessage("ticket.event.unknown", null, locale)
                            : ticket.assigneeName()));
        }
        model.addAttribute("agents", agents);
        model.addAttribute("teams", support.teams(workspace));
        model.addAttribute("statusChoices", statusChoices(ticket.status()));
        model.addAttribute("thenChoices", List.of(TicketStatus.PENDING, TicketStatus.ON_HOLD, TicketStatus.SOLVED));
        model.addAttribute("priorities", TicketPriority.values());
        model.addAttribute("types", TicketType.values());
        model.addAttribute("maxAttachment", properties.attachmentMaxSize().toMegabytes() + " MB");
        var requester = customers.find(workspace, ticket.requester()).orElse(null);
        model.addAttribute("requester", requester);
        model.addAttribute("requesterLanguage",
                requester == null ? null : PageSupport.language(requester.language(), locale));
        model.addAttribute("earlier", tickets.list(workspace, TicketFilter.all().withRequester(ticket.requester()), null,
                        EARLIER_TICKETS + 1).items().stream()
                .filter(other -> !other.id().equals(ticket.id())).limit(EARLIER_TICKETS).toList());
        model.addAttribute("selfServiceLink", links.link(workspace, ticket.id(), ticket.requester()).toString());
    }

    /** The timeline, and up to when the customer has seen the team's answers on it. */
    private void addTimeline(Actor actor, TicketView ticket, Locale locale, Model model) {
        model.addAttribute("items", timeline(actor, ticket.id()).stream()
                .map(entry -> TimelineItem.of(entry, messages, locale)).toList());
        model.addAttribute("time", support.times(actor.workspace(), locale));
        model.addAttribute("customerReadAt", receipts.readByCustomerUpTo(actor.workspace(), ticket.id()).orElse(null));
    }

    /** The whole timeline, oldest first, up to a bound no real ticket reaches. */
    private List<TimelineEntry> timeline(Actor actor, TicketId id) {
        var entries = new ArrayList<TimelineEntry>();
        String cursor = null;
        do {
            var page = tickets.timeline(actor.workspace(), id, cursor, TIMELINE_PAGE);
            entries.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null && entries.size() < TIMELINE_MAX);
        return entries;
    }

    /** The current status first, then those it may move to, in lifecycle order. */
    private static List<TicketStatus> statusChoices(TicketStatus current) {
        var choices = EnumSet.of(current);
        choices.addAll(current.next());
        return List.copyOf(choices);
    }

    private static Set<String> tags(String text) {
        var tags = new LinkedHashSet<String>();
        Arrays.stream(text.split("[,，、]")).map(String::strip).filter(tag -> !tag.isEmpty()).forEach(tags::add);
        return tags;
    }

    private static UUID uuid(String field, String value) {
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInput(field, "uuid-invalid");
        }
    }

    private static byte[] bytes(MultipartFile file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
