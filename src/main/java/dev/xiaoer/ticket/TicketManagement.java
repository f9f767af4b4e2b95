package dev.xiaoer.ticket;

import dev.xiaoer.agent.AgentManagement;
import dev.xiaoer.agent.TeamId;
import dev.xiaoer.customer.CustomerId;
import dev.xiaoer.customer.CustomerManagement;
import dev.xiaoer.customer.CustomerRef;
import dev.xiaoer.identity.Actor;
import dev.xiaoer.identity.Member;
import dev.xiaoer.identity.UserId;
import dev.xiaoer.kernel.Cursor;
import dev.xiaoer.kernel.CursorPage;
import dev.xiaoer.kernel.InvalidInput;
import dev.xiaoer.kernel.NotFound;
import dev.xiaoer.ticket.domain.AttachmentPolicy;
import dev.xiaoer.ticket.domain.CustomFieldRules;
import dev.xiaoer.ticket.domain.Tags;
import dev.xiaoer.ticket.domain.Ticket;
import dev.xiaoer.ticket.domain.TicketTexts;
import dev.xiaoer.ticket.infra.AttachmentRows;
import dev.xiaoer.ticket.infra.ContentTypes;
import dev.xiaoer.ticket.infra.FieldDefinitionRows;
import dev.xiaoer.ticket.infra.TicketNumbers;
import dev.xiaoer.ticket.infra.TicketRows;
import dev.xiaoer.ticket.infra.TimelineRows;
import dev.xiaoer.workspace.WorkspaceId;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Everything other modules and the web layer do with tickets. Every method is scoped to one
 * workspace (the actor's): a ticket of another workspace is {@link NotFound}. Every change is
 * recorded on the ticket's timeline with who made it and when, raises the ticket's
 * {@code version}, and publishes {@link TicketCreated}, {@link TicketUpdated}, {@link MessageAdded}
 * or {@link TicketSolved} inside the same transaction.
 * <p>
 * Methods that may create a ticket ({@link #create}, {@link #reply}) take its number in a short
 * transaction of their own first: call them outside a transaction, so that the number counter
 * is never held while other work runs and no request needs two connections at once.
 */
@Service
public class TicketManagement {

    /** Longest subject accepted, in characters. */
    public static final int MAX_SUBJECT_LENGTH = TicketTexts.MAX_SUBJECT;
    /** Longest message or note accepted, in characters. */
    public static final int MAX_BODY_LENGTH = TicketTexts.MAX_BODY;

    private static final int MAX_MERGE_HOPS = 10;
    private static final int CLOSING_BATCH = 200;

    private final TicketRows tickets;
    private final TimelineRows timeline;
    private final AttachmentRows attachments;
    private final FieldDefinitionRows fields;
    private final TicketNumbers numbers;
    private final TicketViews views;
    private final ContentTypes contentTypes;
    private final CustomerManagement customers;
    private final AgentManagement agents;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final TransactionTemplate readOnly;
    private final TicketProperties properties;
    private final Clock clock;

    TicketManagement(TicketRows tickets, TimelineRows timeline, AttachmentRows attachments, FieldDefinitionRows fields,
                     TicketNumbers numbers, TicketViews views, ContentTypes contentTypes, CustomerManagement customers,
                     AgentManagement agents, ApplicationEventPublisher events, PlatformTransactionManager transactions,
                     TicketProperties properties, Clock clock) {
        this.tickets = tickets;
        this.timeline = timeline;
        this.attachments = attachments;
        this.fields = fields;
        this.numbers = numbers;
        this.views = views;
        this.contentTypes = contentTypes;
        this.customers = customers;
        this.agents = agents;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.properties = properties;
        this.clock = clock;
    }

    // ---------------------------------------------------------------------------------------------
    // Creating and answering
    // ---------------------------------------------------------------------------------------------

    /**
     * Opens a ticket with its first message, numbered #1001 upward in the workspace. A customer
     * actor may only open tickets for themselves.
     *
     * @throws InvalidInput for a blank or oversize subject or body, bad tags or custom field
     *                      values, or a requester, assignee or team unknown in the workspace
     */
    public TicketView create(Actor actor, NewTicket command) {
        var subject = TicketTexts.subject(command.subject());
        var body = TicketTexts.body(command.body());
        var tags = Tags.normalise(command.tags());
        if (actor.type() == Actor.Type.CUSTOMER && (command.author() != MessageAuthor.CUSTOMER
                || !Requester.customer(new CustomerId(actor.id())).equals(command.requester()))) {
            throw new InvalidInput("requester", "customers-write-as-customers");
        }
        var number = numbers.next(actor.workspace());
        return transaction.execute(status -> {
            var workspace = actor.workspace();
            var named = command.requester().customer() != null
                    ? new CustomerRef(command.requester().customer(),
                            requesterName(workspace, command.requester().customer(), "requester.customerId"))
                    : customers.findOrCreate(workspace, command.requester().identity(), command.requester().name());
            var requester = named.id();
            var requesterName = named.name();
            var assignee = command.assignee() == null ? null : agent(workspace, command.assignee());
            var teamName = command.team() == null ? null : team(workspace, command.team());
            var definitions = command.customFields().isEmpty() ? List.<TicketFieldDefinition>of() : fields.all(workspace);
            var values = new HashMap<UUID, String>();
            var byKey = definitions.stream().collect(Collectors.toMap(TicketFieldDefinition::key, Function.identity()));
            command.customFields().forEach((key, value) -> {
                var definition = definition(byKey, key);
                if (value != null) {
                    values.put(definition.id(), CustomFieldRules.store(definition, value));
                }
            });
            var now = now();
            var ticket = Ticket.open(TicketId.random(), workspace, number, subject, command.type(), command.priority(),
                    command.channel(), requester, command.assignee(), command.team(), null, now);
            if (command.author() == MessageAuthor.CUSTOMER) {
                ticket.customerWrote(now);
            }
            var entry = message(ticket.id(), writer(actor, command.author(), requester, () -> requesterName), now, body);
            tickets.insert(ticket);
            tickets.addTags(ticket.id(), tags);
            values.forEach((field, value) -> tickets.setFieldValue(ticket.id(), field, value));
            timeline.insert(workspace, List.of(entry));
            events.publishEvent(created(ticket));
            events.publishEvent(new MessageAdded(workspace, ticket.id(), ticket.number(), ticket.version(),
                    ticket.channel(), entry.id(), command.author(), false, now));
            return TicketViews.view(ticket, tags, TicketViews.customFields(definitions, values), requesterName,
                    assignee == null ? null : assignee.displayName(), teamName);
        });
    }

    /**
     * Adds a public message. A customer's message reopens a solved or pending ticket; an agent's
     * first answer opens a new one; {@link NewMessage#status()} then applies an agent's chosen
     * status. A message to a ticket that was merged goes to the ticket it was merged into; a
     * message to a closed ticket starts a follow-up ticket linked to it (or goes to its follow-up
     * that is still open).
     */
    public MessageResult reply(Actor actor, TicketId id, NewMessage message) {
        var body = TicketTexts.body(message.body());
        if (message.author() == MessageAuthor.CUSTOMER && message.status() != null) {
            throw new InvalidInput("status", "status-only-for-agents");
        }
        if (actor.type() == Actor.Type.CUSTOMER && message.author() != MessageAuthor.CUSTOMER) {
            throw new InvalidInput("author", "customers-write-as-customers");
        }
        var target = id;
        for (var hop = 0; hop < MAX_MERGE_HOPS; hop++) {
            var current = target;
            var outcome = transaction.execute(status -> replyTo(actor, current, body, message));
            if (outcome.result() != null) {
                return outcome.result();
            }
            if (outcome.mergedInto() != null) {
                target = outcome.mergedInto();
                continue;
            }
            var number = numbers.next(actor.workspace());
            return transaction.execute(status -> followUp(actor, current, body, message, number));
        }
        throw new IllegalStateException("Ticket " + id + " was merged more than " + MAX_MERGE_HOPS + " times over");
    }

    /** Adds an internal note, which the customer never sees. */
    public TimelineEntry note(Actor actor, TicketId id, String text) {
        if (actor.type() == Actor.Type.CUSTOMER) {
            throw new IllegalArgumentException("Customers cannot write internal notes");
        }
        var body = TicketTexts.body(text);
        return transaction.execute(status -> {
            var ticket = lock(actor, id);
            ticket.requireNotClosed();
            var now = now();
            var entry = new TimelineEntry(UUID.randomUUID(), id, TimelineEntryKind.NOTE, TimelineEntry.Author.of(actor),
                    now, body, null, null, null, null);
            save(ticket, List.of(entry), now);
            events.publishEvent(new MessageAdded(actor.workspace(), id, ticket.number(), ticket.version(),
                    ticket.channel(), entry.id(), MessageAuthor.AGENT, true, now));
            return entry;
        });
    }

    /**
     * The assistant answers this chat first: it stays out of the team's chat queue until
     * {@link #handToTeam} or an agent's reply. Joins the caller's transaction, so a chat marked as it
     * is created never reaches the queue.
     */
    public void holdForAssistant(WorkspaceId workspace, TicketId id) {
        transaction.executeWithoutResult(status -> tickets.setWithAssistant(workspace, id, true));
    }

    /** Whether the assistant is answering the chat. */
    public boolean withAssistant(WorkspaceId workspace, TicketId id) {
        return readOnly.execute(status -> tickets.withAssistant(workspace, id));
    }

    /**
     * The assistant hands the chat to the team: it joins the chat queue, with an internal note saying
     * what the assistant understood. Nothing happens if the assistant had handed it over already.
     *
     * @return whether the chat was with the assistant
     */
    public boolean handToTeam(Actor actor, TicketId id, String note) {
        var body = TicketTexts.body(note);
        return Boolean.TRUE.equals(transaction.execute(status -> {
            var ticket = lock(actor, id);
            if (!tickets.setWithAssistant(actor.workspace(), id, false)) {
                return false;
            }
            var now = now();
            var entry = new TimelineEntry(UUID.randomUUID(), id, TimelineEntryKind.NOTE, TimelineEntry.Author.of(actor),
                    now, body, null, null, null, null);
            save(ticket, List.of(entry), now);
            events.publishEvent(new MessageAdded(actor.workspace(), id, ticket.number(), ticket.version(),
                    ticket.channel(), entry.id(), MessageAuthor.AGENT, true, now));
            events.publishEvent(new TicketUpdated(actor.workspace(), id, ticket.number(), ticket.channel(), ticket.version(),
                    List.of(new TicketUpdated.Change("assistant", "on", "off")), now));
            return true;
        }));
    }

    // ---------------------------------------------------------------------------------------------
    // Changing
    // ---------------------------------------------------------------------------------------------

    /**
     * Applies field changes in one step: each changed field gets its timeline entry, the status
     * last. With {@code expectedVersion} set, refuses with {@link StaleTicketVersion} (changing
     * nothing) if the ticket has moved on since the caller read it. Changing nothing is not an
     * error and does not raise the version.
     *
     * @throws IllegalStatusTransition for a status move the lifecycle does not allow
     * @throws TicketClosed            for any change to a closed ticket
     */
    public TicketView update(Actor actor, TicketId id, TicketChanges changes, Long expectedVersion) {
        return transaction.execute(status -> {
            var workspace = actor.workspace();
            var ticket = lock(actor, id);
            if (expectedVersion != null && expectedVersion != ticket.version()) {
                throw new StaleTicketVersion(expectedVersion, ticket.version());
            }
            ticket.requireNotClosed();
            var now = now();
            if (changes.subject() != null) {
                ticket.rename(changes.subject());
            }
            if (changes.type() != null) {
                ticket.classify(changes.type());
            }
            if (changes.priority() != null) {
                ticket.prioritise(changes.priority());
            }
            if (changes.assignee() != null) {
                var next = changes.assignee().orElse(null);
                var nextName = next == null ? null : agent(workspace, next).displayName();
                ticket.assign(next, ticket.assignee() == null ? null : memberName(workspace, ticket.assignee()), nextName);
            }
            if (changes.team() != null) {
                var next = changes.team().orElse(null);
                var nextName = next == null ? null : team(workspace, next);
                var previous = ticket.team() == null ? null
                        : agents.teamNames(workspace, List.of(ticket.team())).get(ticket.team());
                ticket.moveToTeam(next, previous, nextName);
            }
            if (changes.tags() != null) {
                var next = Tags.normalise(changes.tags());
                var previous = tickets.tags(id);
                ticket.retag(previous, next);
                var removed = new TreeSet<>(previous);
                removed.removeAll(next);
                var added = new TreeSet<>(next);
                added.removeAll(previous);
                tickets.removeTags(id, removed);
                tickets.addTags(id, added);
            }
            if (changes.customFields() != null && !changes.customFields().isEmpty()) {
                changeCustomFields(workspace, ticket, changes.customFields());
            }
            if (changes.status() != null) {
                ticket.changeStatus(changes.status(), now);
            }
            if (!ticket.changes().isEmpty()) {
                var author = TimelineEntry.Author.of(actor);
                var entries = ticket.changes().stream().map(change -> changeEntry(id, author, now, change)).toList();
                save(ticket, entries, now);
                publishChanges(ticket, now);
            }
            return views.of(ticket);
        });
    }

    /**
     * Merges {@code source} into {@code target}: the source's timeline is copied into the
     * target's (each entry marked as from the source's number), both get a merge entry, and the
     * source is closed with a link to the target.
     */
    public TicketView merge(Actor actor, TicketId source, TicketId target) {
        return transaction.execute(status -> {
            var workspace = actor.workspace();
            if (source.equals(target)) {
                throw new CannotMergeTicket(lock(actor, source).number());
            }
            // The ticket addressed is looked up first (404 when missing); the one named in the body is
            // input, so one this workspace does not have is refused in that field, whoever holds it.
            if (tickets.find(workspace, source).isEmpty()) {
                throw new NotFound("ticket", source);
            }
            if (tickets.find(workspace, target).isEmpty()) {
                throw new InvalidInput("into", "unknown-ticket", target);
            }
            // Lock in a fixed order so that two opposite merges cannot deadlock.
            var sourceFirst = source.value().compareTo(target.value()) < 0;
            var firstLocked = lock(actor, sourceFirst ? source : target);
            var secondLocked = lock(actor, sourceFirst ? target : source);
            var from = sourceFirst ? firstLocked : secondLocked;
            var into = sourceFirst ? secondLocked : firstLocked;
            from.requireNotClosed();
            into.requireNotClosed();
            var now = now();
            var author = TimelineEntry.Author.of(actor);
            var copies = timeline.all(workspace, source).stream()
                    .map(entry -> new TimelineEntry(UUID.randomUUID(), target, entry.kind(), entry.author(), entry.at(),
                            entry.body(), entry.change(), entry.attachment(), entry.relatedTicket(),
                            entry.mergedFromNumber() == null ? from.number() : entry.mergedFromNumber()))
                    .toList();
            var intoEntries = List.of(new TimelineEntry(UUID.randomUUID(), target, TimelineEntryKind.MERGE, author, now,
                    null, new TimelineEntry.Change("mergedFrom", null, source.toString(), null, "#" + from.number()),
                    null, from.link(), null));
            var statusBefore = from.status();
            from.closeAsMergedInto(into.link(), now);
            var fromEntries = new ArrayList<TimelineEntry>();
            fromEntries.add(new TimelineEntry(UUID.randomUUID(), source, TimelineEntryKind.MERGE, author, now, null,
                    new TimelineEntry.Change("mergedInto", null, target.toString(), null, "#" + into.number()), null,
                    into.link(), null));
            from.changes().forEach(change -> fromEntries.add(changeEntry(source, author, now, change)));
            timeline.insert(workspace, copies);
            save(into, intoEntries, now);
            save(from, fromEntries, now);
            events.publishEvent(new TicketUpdated(workspace, target, into.number(), into.channel(), into.version(),
                    List.of(new TicketUpdated.Change("mergedFrom", null, source.toString())), now));
            events.publishEvent(new TicketUpdated(workspace, source, from.number(), from.channel(), from.version(), List.of(
                    new TicketUpdated.Change("mergedInto", null, target.toString()),
                    new TicketUpdated.Change("status", name(statusBefore), name(TicketStatus.CLOSED))), now));
            return views.of(into);
        });
    }

    /**
     * Attaches a file. Its type is detected from the bytes; only the types of
     * {@link AttachmentPolicy#ALLOWED_TYPES} are accepted, up to {@code xiaoer.tickets.attachment-max-size}.
     *
     * @throws AttachmentTooLarge       over the size limit
     * @throws AttachmentTypeNotAllowed for any other type, whatever the file name says
     */
    public AttachmentInfo attach(Actor actor, TicketId id, String fileName, byte[] content) {
        var name = AttachmentPolicy.fileName(fileName);
        var type = checkAttachment(name, content);
        return transaction.execute(status -> {
            var ticket = lock(actor, id);
            ticket.requireNotClosed();
            var now = now();
            var info = new AttachmentInfo(UUID.randomUUID(), name, type, content.length, now);
            attachments.insert(actor.workspace(), id, info, content);
            save(ticket, List.of(new TimelineEntry(UUID.randomUUID(), id, TimelineEntryKind.ATTACHMENT,
                    TimelineEntry.Author.of(actor), now, null, null, info, null, null)), now);
            events.publishEvent(new AttachmentAdded(actor.workspace(), id, ticket.number(), ticket.channel(),
                    ticket.version(), info,
                    actor.type() == Actor.Type.CUSTOMER ? MessageAuthor.CUSTOMER : MessageAuthor.AGENT, actor.name(),
                    now));
            return info;
        });
    }

    /**
     * The type of a file as {@link #attach} would detect it, refusing it as attach would: so that a
     * channel can tell before it files anything whether the file will be accepted.
     *
     * @throws AttachmentTooLarge       over the size limit
     * @throws AttachmentTypeNotAllowed for a type tickets do not accept
     */
    public String checkAttachment(String fileName, byte[] content) {
        var maximum = properties.attachmentMaxSize().toBytes();
        if (content.length > maximum) {
            throw new AttachmentTooLarge(content.length, maximum);
        }
        var type = contentTypes.detect(content, AttachmentPolicy.fileName(fileName));
        AttachmentPolicy.check(type, content.length, maximum);
        return type;
    }

    // ---------------------------------------------------------------------------------------------
    // Reading
    // ---------------------------------------------------------------------------------------------

    public Optional<TicketView> find(WorkspaceId workspace, TicketId id) {
        return readOnly.execute(status -> tickets.find(workspace, id).map(views::of));
    }

    public TicketView get(WorkspaceId workspace, TicketId id) {
        return find(workspace, id).orElseThrow(() -> new NotFound("ticket", id));
    }

    /** The ticket people call "#1042". */
    public Optional<TicketView> findByNumber(WorkspaceId workspace, long number) {
        return readOnly.execute(status -> tickets.findByNumber(workspace, number).map(views::of));
    }

    /**
     * A page of tickets, most recently updated first.
     *
     * @param cursor the {@code nextCursor} of the previous page, or {@code null} for the first
     * @param limit  checked with {@link CursorPage#limit(Integer)}
     */
    public CursorPage<TicketView> list(WorkspaceId workspace, TicketFilter filter, String cursor, int limit) {
        var after = cursor == null || cursor.isBlank() ? null : Cursor.decode(cursor);
        return readOnly.execute(status -> {
            var rows = tickets.list(workspace, filter, after, limit);
            var page = rows.size() > limit ? rows.subList(0, limit) : rows;
            var next = rows.size() > limit ? new Cursor(page.getLast().updatedAt(), page.getLast().id().value()).encode()
                    : null;
            return new CursorPage<>(views.of(workspace, page), next);
        });
    }

    /** How many tickets match the filter, such as the size of an agent's "mine" view. */
    public long count(WorkspaceId workspace, TicketFilter filter) {
        return readOnly.execute(status -> tickets.count(workspace, filter));
    }

    /** A page of a ticket's timeline, oldest first. */
    public CursorPage<TimelineEntry> timeline(WorkspaceId workspace, TicketId id, String cursor, int limit) {
        return timelinePage(workspace, id, cursor, limit, false);
    }

    /** What the customer may see of the timeline: messages, status changes and attachments. */
    public CursorPage<TimelineEntry> publicTimeline(WorkspaceId workspace, TicketId id, String cursor, int limit) {
        return timelinePage(workspace, id, cursor, limit, true);
    }

    /** The last {@code limit} public messages of a ticket, oldest first: the conversation so far, for a chat. */
    public List<TimelineEntry> latestMessages(WorkspaceId workspace, TicketId id, int limit) {
        return readOnly.execute(status -> timeline.latest(workspace, id, TimelineEntryKind.MESSAGE, limit));
    }

    /** One entry the customer may see (a message, a status change, an attachment), by its id. */
    public Optional<TimelineEntry> publicEntry(WorkspaceId workspace, UUID entry) {
        return readOnly.execute(status -> timeline.find(workspace, entry).filter(found -> found.kind().isPublic()));
    }

    /** Attachments of a ticket (including those of tickets merged into it), without their bytes. */
    public List<AttachmentInfo> attachments(WorkspaceId workspace, TicketId id) {
        return readOnly.execute(status -> {
            requireExists(workspace, id);
            return attachments.list(workspace, id);
        });
    }

    public AttachmentContent attachment(WorkspaceId workspace, TicketId id, UUID attachment) {
        return readOnly.execute(status -> attachments.content(workspace, id, attachment)
                .orElseThrow(() -> new NotFound("attachment", attachment)));
    }

    /** The chat queue: unassigned chats waiting for the team, longest wait first (at most {@code limit}). */
    public List<TicketView> chatQueue(WorkspaceId workspace, int limit) {
        return readOnly.execute(status -> views.of(workspace, tickets.waitingChats(workspace, limit)));
    }

    /** Workspaces with at least one chat in their queue. */
    public List<WorkspaceId> workspacesWithWaitingChats() {
        return readOnly.execute(status -> tickets.workspacesWithWaitingChats());
    }

    /** How many chats each agent holds now (new, open or pending chats assigned to them); absent: none. */
    public Map<UserId, Integer> openChatsByAssignee(WorkspaceId workspace) {
        return readOnly.execute(status -> tickets.openChatsByAssignee(workspace));
    }

    /** The chats an agent holds now, oldest first. */
    public List<TicketId> openChatsOf(WorkspaceId workspace, UserId assignee) {
        return readOnly.execute(status -> tickets.openChatsOf(workspace, assignee));
    }

    // ---------------------------------------------------------------------------------------------
    // Background work
    // ---------------------------------------------------------------------------------------------

    /**
     * Closes every ticket that has been solved for {@code xiaoer.tickets.auto-close-after-days}
     * without being reopened, in all workspaces. Returns how many were closed.
     */
    public int closeSolvedTickets() {
        var now = now();
        var cutoff = now.minus(properties.autoCloseAfterDays(), ChronoUnit.DAYS);
        var closed = 0;
        List<TicketRows.TicketRef> due;
        int closedBefore;
        // Batch after batch while full batches come back and each one closes something.
        do {
            closedBefore = closed;
            due = readOnly.execute(status -> tickets.solvedBefore(cutoff, CLOSING_BATCH));
            for (var ref : due) {
                var done = transaction.execute(status -> {
                    var ticket = tickets.lock(ref.workspace(), ref.ticket()).orElseThrow();
                    if (!ticket.quietSinceSolved(cutoff)) {
                        return false;
                    }
                    var at = now();
                    ticket.closeAfterQuietDays(at);
                    var author = TimelineEntry.Author.of(Actor.system(ref.workspace()));
                    save(ticket, ticket.changes().stream()
                            .map(change -> changeEntry(ticket.id(), author, at, change)).toList(), at);
                    publishChanges(ticket, at);
                    return true;
                });
                closed += Boolean.TRUE.equals(done) ? 1 : 0;
            }
        } while (due.size() == CLOSING_BATCH && closed > closedBefore);
        return closed;
    }

    /**
     * Moves all tickets of one customer to another, as when two customer profiles were merged.
     * Idempotent: once moved, nothing is left to move.
     */
    void moveRequester(WorkspaceId workspace, CustomerId from, CustomerId to) {
        transaction.executeWithoutResult(status -> {
            var ids = tickets.byRequester(workspace, from);
            if (ids.isEmpty()) {
                return;
            }
            var names = customers.names(workspace, List.of(from, to));
            var author = TimelineEntry.Author.of(Actor.system(workspace));
            for (var id : ids) {
                var ticket = tickets.lock(workspace, id).orElseThrow();
                var now = now();
                ticket.changeRequester(to, names.get(from), names.get(to));
                save(ticket, ticket.changes().stream()
                        .map(change -> changeEntry(id, author, now, change)).toList(), now);
                publishChanges(ticket, now);
            }
        });
    }

    // ---------------------------------------------------------------------------------------------
    // Inside the transactions
    // ---------------------------------------------------------------------------------------------

    /** What became of a reply: added, or the ticket was closed (by a merge, or for good). */
    private record ReplyOutcome(MessageResult result, TicketId mergedInto) {
    }

    private ReplyOutcome replyTo(Actor actor, TicketId id, String body, NewMessage message) {
        var workspace = actor.workspace();
        var ticket = lock(actor, id);
        if (ticket.status() == TicketStatus.CLOSED) {
            return new ReplyOutcome(null, ticket.mergedInto() == null ? null : ticket.mergedInto().id());
        }
        var now = now();
        var author = writer(actor, message.author(), ticket.requester(),
                () -> customers.names(workspace, List.of(ticket.requester())).get(ticket.requester()));
        var entry = message(id, author, now, body);
        var withAssistant = ticket.withAssistant();
        if (message.author() == MessageAuthor.CUSTOMER) {
            ticket.customerWrote(now);
        } else {
            ticket.agentReplied(now);
            if (actor.type() != Actor.Type.SYSTEM) {
                // The team answering (in person or through an integration) takes the chat over from the assistant.
                tickets.setWithAssistant(workspace, id, false);
                withAssistant = false;
            }
        }
        if (message.status() != null) {
            ticket.changeStatus(message.status(), now);
        }
        var entries = new ArrayList<TimelineEntry>();
        entries.add(entry);
        ticket.changes().forEach(change -> entries.add(changeEntry(id, TimelineEntry.Author.of(actor), now, change)));
        var stamped = save(ticket, entries, now);
        events.publishEvent(new MessageAdded(workspace, id, ticket.number(), ticket.version(), ticket.channel(),
                entry.id(), message.author(), false, now));
        publishChanges(ticket, now);
        return new ReplyOutcome(new MessageResult(id, ticket.number(), ticket.status(), ticket.version(),
                ticket.updatedAt(), ticket.requester(), stamped.getFirst(), null, withAssistant), null);
    }

    private MessageResult followUp(Actor actor, TicketId closedId, String body, NewMessage message, long number) {
        var workspace = actor.workspace();
        var closed = lock(actor, closedId);
        var existing = tickets.openFollowUp(workspace, closed.requester(), closedId);
        if (existing.isPresent()) {
            // Another message already started the follow-up: this one joins it (its number stays unused).
            var outcome = replyTo(actor, existing.get(), body, message);
            if (outcome.result() != null) {
                var result = outcome.result();
                return new MessageResult(result.ticket(), result.number(), result.status(), result.version(),
                        result.updatedAt(), result.requester(), result.entry(), closed.link(), result.withAssistant());
            }
        }
        var requesterName = requesterName(workspace, closed.requester(), "requester");
        var now = now();
        var followUp = Ticket.open(TicketId.random(), workspace, number, closed.subject(), closed.type(),
                closed.priority(), message.channel() == null ? closed.channel() : message.channel(), closed.requester(),
                closed.assignee(), closed.team(), closed.link(), now);
        if (message.author() == MessageAuthor.CUSTOMER) {
            followUp.customerWrote(now);
        }
        var entry = message(followUp.id(), writer(actor, message.author(), closed.requester(), () -> requesterName), now,
                body);
        tickets.insert(followUp);
        tickets.addTags(followUp.id(), tickets.tags(closedId));
        tickets.fieldValues(List.of(closedId)).getOrDefault(closedId, Map.of())
                .forEach((field, value) -> tickets.setFieldValue(followUp.id(), field, value));
        timeline.insert(workspace, List.of(entry));
        if (message.status() != null) {
            // The agent's chosen status is a change after the message, like on any reply.
            var at = now.plus(1, ChronoUnit.MICROS);
            followUp.changeStatus(message.status(), at);
            save(followUp, followUp.changes().stream()
                    .map(change -> changeEntry(followUp.id(), TimelineEntry.Author.of(actor), at, change)).toList(), at);
        }
        save(closed, List.of(new TimelineEntry(UUID.randomUUID(), closedId, TimelineEntryKind.FOLLOW_UP,
                TimelineEntry.Author.of(actor), now, null, null, null, followUp.link(), null)), now);
        events.publishEvent(created(followUp));
        events.publishEvent(new MessageAdded(workspace, followUp.id(), followUp.number(), followUp.version(),
                followUp.channel(), entry.id(), message.author(), false, now));
        publishChanges(followUp, now);
        // Whoever listened to the follow-up's creation may have given it to the assistant.
        return new MessageResult(followUp.id(), followUp.number(), followUp.status(), followUp.version(),
                followUp.updatedAt(), followUp.requester(), entry, closed.link(),
                tickets.withAssistant(workspace, followUp.id()));
    }

    private void changeCustomFields(WorkspaceId workspace, Ticket ticket, Map<String, Object> changes) {
        var definitions = definitionsByKey(workspace);
        var current = tickets.fieldValues(List.of(ticket.id())).getOrDefault(ticket.id(), Map.of());
        for (var change : new TreeMap<>(changes).entrySet()) {
            var definition = definition(definitions, change.getKey());
            var previous = current.get(definition.id());
            var next = change.getValue() == null ? null : CustomFieldRules.store(definition, change.getValue());
            ticket.changeCustomField(definition.key(), previous, next, definition.type() == CustomFieldType.TEXT);
            if (next == null && previous != null) {
                tickets.clearFieldValue(ticket.id(), definition.id());
            } else if (next != null && !next.equals(previous)) {
                tickets.setFieldValue(ticket.id(), definition.id(), next);
            }
        }
    }

    /**
     * Writes a ticket changed in this transaction with its new entries, which get distinct instants
     * one microsecond apart from {@code now} so that the timeline shows them in the order they were
     * made. The ticket's version grows by one and its {@code updatedAt} is the last entry's instant.
     */
    private List<TimelineEntry> save(Ticket ticket, List<TimelineEntry> entries, Instant now) {
        var stamped = new ArrayList<TimelineEntry>(entries.size());
        for (var i = 0; i < entries.size(); i++) {
            var e = entries.get(i);
            stamped.add(new TimelineEntry(e.id(), e.ticket(), e.kind(), e.author(), now.plus(i, ChronoUnit.MICROS),
                    e.body(), e.change(), e.attachment(), e.relatedTicket(), e.mergedFromNumber()));
        }
        var loadedVersion = ticket.version();
        ticket.touch(stamped.getLast().at());
        tickets.update(ticket, loadedVersion);
        timeline.insert(ticket.workspace(), stamped);
        var statusChanges = ticket.changes().stream().filter(c -> c.kind() == TimelineEntryKind.STATUS_CHANGE).toList();
        if (!statusChanges.isEmpty()) {
            var wasSolved = name(TicketStatus.SOLVED).equals(statusChanges.getFirst().from());
            var isSolved = ticket.status() == TicketStatus.SOLVED;
            if (wasSolved != isSolved) {
                tickets.trackSolved(ticket, isSolved);
            }
        }
        return stamped;
    }

    private void publishChanges(Ticket ticket, Instant at) {
        if (ticket.changes().isEmpty()) {
            return;
        }
        var changes = ticket.changes().stream()
                .map(change -> change.freeText() ? new TicketUpdated.Change(change.field(), null, null)
                        : new TicketUpdated.Change(change.field(), change.from(), change.to()))
                .toList();
        events.publishEvent(new TicketUpdated(ticket.workspace(), ticket.id(), ticket.number(), ticket.channel(),
                ticket.version(), changes, at));
        if (ticket.statusChangedTo(TicketStatus.SOLVED) && ticket.status() == TicketStatus.SOLVED) {
            events.publishEvent(new TicketSolved(ticket.workspace(), ticket.id(), ticket.requester(), ticket.assignee(), at));
        }
    }

    private CursorPage<TimelineEntry> timelinePage(WorkspaceId workspace, TicketId id, String cursor, int limit,
                                                   boolean publicOnly) {
        var after = cursor == null || cursor.isBlank() ? null : Cursor.decode(cursor);
        return readOnly.execute(status -> {
            requireExists(workspace, id);
            var rows = timeline.page(workspace, id, after, limit, publicOnly);
            var page = rows.size() > limit ? rows.subList(0, limit) : rows;
            var next = rows.size() > limit ? new Cursor(page.getLast().at(), page.getLast().id()).encode() : null;
            return new CursorPage<>(List.copyOf(page), next);
        });
    }

    private void requireExists(WorkspaceId workspace, TicketId id) {
        if (tickets.find(workspace, id).isEmpty()) {
            throw new NotFound("ticket", id);
        }
    }

    /** The ticket, locked for this transaction; a customer only ever reaches their own tickets. */
    private Ticket lock(Actor actor, TicketId id) {
        var ticket = tickets.lock(actor.workspace(), id).orElseThrow(() -> new NotFound("ticket", id));
        if (actor.type() == Actor.Type.CUSTOMER && !ticket.requester().value().equals(actor.id())) {
            throw new NotFound("ticket", id);
        }
        return ticket;
    }

    /**
     * Who a message is recorded as written by: the actor, except when an integration relays the
     * customer's own words, which are then the requester's.
     */
    private static TimelineEntry.Author writer(Actor actor, MessageAuthor side, CustomerId requester,
                                               Supplier<String> requesterName) {
        if (side == MessageAuthor.CUSTOMER && actor.type() != Actor.Type.CUSTOMER) {
            return new TimelineEntry.Author(Actor.Type.CUSTOMER, requester.value(), requesterName.get());
        }
        return TimelineEntry.Author.of(actor);
    }

    private String requesterName(WorkspaceId workspace, CustomerId requester, String field) {
        var name = customers.names(workspace, List.of(requester)).get(requester);
        if (name == null) {
            throw new InvalidInput(field, "unknown-customer", requester);
        }
        return name;
    }

    private Member agent(WorkspaceId workspace, UserId user) {
        try {
            return agents.requireAgent(workspace, user);
        } catch (NotFound e) {
            throw new InvalidInput("assignee", "unknown-agent", user);
        }
    }

    private String memberName(WorkspaceId workspace, UserId user) {
        try {
            return agents.requireAgent(workspace, user).displayName();
        } catch (NotFound e) {
            return null;
        }
    }

    private String team(WorkspaceId workspace, TeamId team) {
        try {
            return agents.requireTeam(workspace, team);
        } catch (NotFound e) {
            throw new InvalidInput("team", "unknown-team", team);
        }
    }

    private Map<String, TicketFieldDefinition> definitionsByKey(WorkspaceId workspace) {
        return fields.all(workspace).stream().collect(Collectors.toMap(TicketFieldDefinition::key, Function.identity()));
    }

    private static TicketFieldDefinition definition(Map<String, TicketFieldDefinition> definitions, String key) {
        var definition = definitions.get(key);
        if (definition == null) {
            throw new InvalidInput("customFields." + key, "unknown-field");
        }
        return definition;
    }

    private static TimelineEntry message(TicketId ticket, TimelineEntry.Author author, Instant at, String body) {
        return new TimelineEntry(UUID.randomUUID(), ticket, TimelineEntryKind.MESSAGE, author, at, body, null, null,
                null, null);
    }

    private static TimelineEntry changeEntry(TicketId ticket, TimelineEntry.Author author, Instant at,
                                             Ticket.Change change) {
        return new TimelineEntry(UUID.randomUUID(), ticket, change.kind(), author, at, null,
                new TimelineEntry.Change(change.field(), change.from(), change.to(), change.fromLabel(),
                        change.toLabel()), null, null, null);
    }

    private static TicketCreated created(Ticket ticket) {
        return new TicketCreated(ticket.workspace(), ticket.id(), ticket.number(), ticket.requester(), ticket.channel(),
                ticket.type(), ticket.priority(), ticket.assignee(), ticket.team(),
                ticket.followUpOf() == null ? null : ticket.followUpOf().id(), ticket.createdAt());
    }

    private Instant now() {
        // Databases keep microseconds; an instant handed out must compare equal once read back.
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static String name(TicketStatus status) {
        return status.name().toLowerCase(Locale.ROOT);
    }
}
