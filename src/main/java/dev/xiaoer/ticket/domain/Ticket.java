package dev.xiaoer.ticket.domain;

import dev.xiaoer.agent.TeamId;
import dev.xiaoer.customer.CustomerId;
import dev.xiaoer.identity.UserId;
import dev.xiaoer.ticket.IllegalStatusTransition;
import dev.xiaoer.ticket.TicketChannel;
import dev.xiaoer.ticket.TicketClosed;
import dev.xiaoer.ticket.TicketId;
import dev.xiaoer.ticket.TicketLink;
import dev.xiaoer.ticket.TicketPriority;
import dev.xiaoer.ticket.TicketStatus;
import dev.xiaoer.ticket.TicketType;
import dev.xiaoer.ticket.TimelineEntryKind;
import dev.xiaoer.workspace.WorkspaceId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.SortedSet;

/**
 * The ticket aggregate: guards the status lifecycle and records every change it makes, so that
 * the caller can write one timeline entry per change. Tags and custom field values live beside
 * the ticket row and are handled by the caller; this class knows the ticket's own fields.
 */
public final class Ticket {

    /** One recorded change; {@code freeText} marks values that events leave out. */
    public record Change(TimelineEntryKind kind, String field, String from, String to, String fromLabel,
                         String toLabel, boolean freeText) {
    }

    private final TicketId id;
    private final WorkspaceId workspace;
    private final long number;
    private String subject;
    private TicketType type;
    private TicketPriority priority;
    private TicketStatus status;
    private final TicketChannel channel;
    private CustomerId requester;
    private UserId assignee;
    private TeamId team;
    private final TicketLink followUpOf;
    private TicketLink mergedInto;
    private final Instant createdAt;
    private Instant updatedAt;
    private Instant solvedAt;
    private Instant closedAt;
    private long version;
    private Instant awaitingReplySince;
    private final boolean withAssistant;
    private final List<Change> changes = new ArrayList<>();

    private Ticket(TicketId id, WorkspaceId workspace, long number, String subject, TicketType type,
                   TicketPriority priority, TicketStatus status, TicketChannel channel, CustomerId requester,
                   UserId assignee, TeamId team, TicketLink followUpOf, TicketLink mergedInto, Instant createdAt,
                   Instant updatedAt, Instant solvedAt, Instant closedAt, long version, Instant awaitingReplySince,
                   boolean withAssistant) {
        this.id = Objects.requireNonNull(id);
        this.workspace = Objects.requireNonNull(workspace);
        this.number = number;
        this.subject = subject;
        this.type = Objects.requireNonNull(type);
        this.priority = Objects.requireNonNull(priority);
        this.status = Objects.requireNonNull(status);
        this.channel = Objects.requireNonNull(channel);
        this.requester = Objects.requireNonNull(requester);
        this.assignee = assignee;
        this.team = team;
        this.followUpOf = followUpOf;
        this.mergedInto = mergedInto;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
        this.solvedAt = solvedAt;
        this.closedAt = closedAt;
        this.version = version;
        this.awaitingReplySince = awaitingReplySince;
        this.withAssistant = withAssistant;
    }

    /** A new ticket, status {@code new}, version 1. */
    public static Ticket open(TicketId id, WorkspaceId workspace, long number, String subject, TicketType type,
                              TicketPriority priority, TicketChannel channel, CustomerId requester, UserId assignee,
                              TeamId team, TicketLink followUpOf, Instant now) {
        return new Ticket(id, workspace, number, TicketTexts.subject(subject), type, priority, TicketStatus.NEW,
                channel, requester, assignee, team, followUpOf, null, now, now, null, null, 1, null, false);
    }

    /** A ticket as stored. */
    public static Ticket restore(TicketId id, WorkspaceId workspace, long number, String subject, TicketType type,
                                 TicketPriority priority, TicketStatus status, TicketChannel channel,
                                 CustomerId requester, UserId assignee, TeamId team, TicketLink followUpOf,
                                 TicketLink mergedInto, Instant createdAt, Instant updatedAt, Instant solvedAt,
                                 Instant closedAt, long version, Instant awaitingReplySince, boolean withAssistant) {
        return new Ticket(id, workspace, number, subject, type, priority, status, channel, requester, assignee, team,
                followUpOf, mergedInto, createdAt, updatedAt, solvedAt, closedAt, version, awaitingReplySince,
                withAssistant);
    }

    /** Refuses any work on a closed ticket. */
    public void requireNotClosed() {
        if (status == TicketStatus.CLOSED) {
            throw new TicketClosed(number);
        }
    }

    public void rename(String newSubject) {
        var normalised = TicketTexts.subject(newSubject);
        if (!normalised.equals(subject)) {
            changes.add(new Change(TimelineEntryKind.FIELD_CHANGE, "subject", subject, normalised, null, null, true));
            subject = normalised;
        }
    }

    public void classify(TicketType newType) {
        if (newType != type) {
            changes.add(new Change(TimelineEntryKind.FIELD_CHANGE, "type", name(type), name(newType), null, null, false));
            type = newType;
        }
    }

    public void prioritise(TicketPriority newPriority) {
        if (newPriority != priority) {
            changes.add(new Change(TimelineEntryKind.FIELD_CHANGE, "priority", name(priority), name(newPriority),
                    null, null, false));
            priority = newPriority;
        }
    }

    /** Assigns to an agent, or unassigns with {@code null}; labels are the display names for the timeline. */
    public void assign(UserId newAssignee, String fromLabel, String toLabel) {
        if (!Objects.equals(newAssignee, assignee)) {
            changes.add(new Change(TimelineEntryKind.ASSIGNMENT, "assignee", text(assignee), text(newAssignee),
                    fromLabel, toLabel, false));
            assignee = newAssignee;
        }
    }

    public void moveToTeam(TeamId newTeam, String fromLabel, String toLabel) {
        if (!Objects.equals(newTeam, team)) {
            changes.add(new Change(TimelineEntryKind.ASSIGNMENT, "team", text(team), text(newTeam), fromLabel, toLabel,
                    false));
            team = newTeam;
        }
    }

    /** The requester changed, as when two customer profiles were merged. Allowed even on closed tickets. */
    public void changeRequester(CustomerId newRequester, String fromLabel, String toLabel) {
        if (!newRequester.equals(requester)) {
            changes.add(new Change(TimelineEntryKind.FIELD_CHANGE, "requester", text(requester), text(newRequester),
                    fromLabel, toLabel, false));
            requester = newRequester;
        }
    }

    /** Records a change of tags, which the caller stores. */
    public void retag(SortedSet<String> from, SortedSet<String> to) {
        if (!from.equals(to)) {
            changes.add(new Change(TimelineEntryKind.TAGS_CHANGE, "tags", Tags.join(from), Tags.join(to), null, null,
                    false));
        }
    }

    /** Records a change of a custom field's stored value ({@code null} = not set), which the caller stores. */
    public void changeCustomField(String key, String from, String to, boolean freeText) {
        if (!Objects.equals(from, to)) {
            changes.add(new Change(TimelineEntryKind.FIELD_CHANGE, "customFields." + key, from, to, null, null,
                    freeText));
        }
    }

    /** A status change asked for by a person; only the moves {@link TicketStatus#next()} lists. */
    public void changeStatus(TicketStatus target, Instant now) {
        if (target == status) {
            return;
        }
        requireNotClosed();
        if (!status.canBecome(target)) {
            throw new IllegalStatusTransition(status, target);
        }
        moveTo(target, now);
    }

    /**
     * The customer wrote: a solved ticket or one waiting on them is open again, and the customer waits
     * for an answer from now on (or still since their earlier unanswered message).
     */
    public void customerWrote(Instant now) {
        requireNotClosed();
        if (status == TicketStatus.SOLVED || status == TicketStatus.PENDING) {
            moveTo(TicketStatus.OPEN, now);
        }
        if (awaitingReplySince == null) {
            awaitingReplySince = now;
        }
    }

    /** The service team answered: a new ticket is now being worked on, and nobody waits for an answer. */
    public void agentReplied(Instant now) {
        requireNotClosed();
        if (status == TicketStatus.NEW) {
            moveTo(TicketStatus.OPEN, now);
        }
        awaitingReplySince = null;
    }

    /** Whether this ticket has been solved for at least the given time and may close by itself. */
    public boolean quietSinceSolved(Instant cutoff) {
        return status == TicketStatus.SOLVED && solvedAt != null && !solvedAt.isAfter(cutoff);
    }

    /** Closes a solved ticket nobody has touched for the configured days. */
    public void closeAfterQuietDays(Instant now) {
        changeStatus(TicketStatus.CLOSED, now);
    }

    /** This ticket was merged into another: closed, whatever its status, with a link to the other. */
    public void closeAsMergedInto(TicketLink target, Instant now) {
        requireNotClosed();
        mergedInto = target;
        moveTo(TicketStatus.CLOSED, now);
    }

    /** Counts one more change: a new version, updated at {@code at}. */
    public void touch(Instant at) {
        version++;
        updatedAt = at;
    }

    private void moveTo(TicketStatus target, Instant now) {
        changes.add(new Change(TimelineEntryKind.STATUS_CHANGE, "status", name(status), name(target), null, null, false));
        status = target;
        solvedAt = target == TicketStatus.SOLVED ? now : (target == TicketStatus.CLOSED ? solvedAt : null);
        if (target == TicketStatus.CLOSED) {
            closedAt = now;
        }
        if (target == TicketStatus.SOLVED || target == TicketStatus.CLOSED) {
            // Solved means answered: the customer waits for nothing more until they write again.
            awaitingReplySince = null;
        }
    }

    private static String name(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    private static String text(Object id) {
        return id == null ? null : id.toString();
    }

    public List<Change> changes() {
        return Collections.unmodifiableList(changes);
    }

    public boolean statusChangedTo(TicketStatus target) {
        return changes.stream().anyMatch(c -> c.kind() == TimelineEntryKind.STATUS_CHANGE && name(target).equals(c.to()));
    }

    public TicketLink link() {
        return new TicketLink(id, number);
    }

    public TicketId id() {
        return id;
    }

    public WorkspaceId workspace() {
        return workspace;
    }

    public long number() {
        return number;
    }

    public String subject() {
        return subject;
    }

    public TicketType type() {
        return type;
    }

    public TicketPriority priority() {
        return priority;
    }

    public TicketStatus status() {
        return status;
    }

    public TicketChannel channel() {
        return channel;
    }

    public CustomerId requester() {
        return requester;
    }

    public UserId assignee() {
        return assignee;
    }

    public TeamId team() {
        return team;
    }

    public TicketLink followUpOf() {
        return followUpOf;
    }

    public TicketLink mergedInto() {
        return mergedInto;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public Instant solvedAt() {
        return solvedAt;
    }

    public Instant closedAt() {
        return closedAt;
    }

    public long version() {
        return version;
    }

    /** Since when the customer's message has gone unanswered; {@code null} when nobody waits for an answer. */
    public Instant awaitingReplySince() {
        return awaitingReplySince;
    }

    /**
     * Whether the assistant was answering the chat when the ticket was read. The flag is written on
     * its own ({@code TicketRows.setWithAssistant}), never by saving the ticket.
     */
    public boolean withAssistant() {
        return withAssistant;
    }
}
