package dev.xiaoer.ticket.web;

import dev.xiaoer.agent.TeamId;
import dev.xiaoer.identity.Actor;
import dev.xiaoer.identity.UserId;
import dev.xiaoer.kernel.InvalidInput;
import dev.xiaoer.ticket.TicketFilter;
import dev.xiaoer.ticket.TicketPriority;
import dev.xiaoer.ticket.TicketStatus;
import dev.xiaoer.ticket.TicketType;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What the ticket list shows, as its URL says it ({@code /tickets?view=mine&priority=high}), so that
 * a filtered list can be bookmarked. The view sets the base; each filter narrows it, and a status or
 * assignee filter takes the place of the view's own.
 *
 * @param assignee {@code me}, {@code none} or an agent's id
 */
public record TicketListQuery(String view, TicketStatus status, TicketPriority priority, TicketType type,
                              String assignee, UUID team, String tag, String q, String cursor) {

    public static final int MAX_TEXT = 200;

    /** Somebody still has work to do on these. */
    static final Set<TicketStatus> UNSOLVED = Set.copyOf(EnumSet.of(TicketStatus.NEW, TicketStatus.OPEN,
            TicketStatus.PENDING, TicketStatus.ON_HOLD));

    /** The views an agent switches between, in the order they are shown. */
    public enum View {
        MINE, UNASSIGNED, TEAMS, OPEN, ALL;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        static View of(String value) {
            if (value == null || value.isBlank()) {
                return MINE;
            }
            for (var view : values()) {
                if (view.key().equals(value.strip())) {
                    return view;
                }
            }
            throw new InvalidInput("view", "ticket-view-unknown", value);
        }

        /** The view's tickets for this reader, who is a member of {@code myTeams}. */
        public TicketFilter filter(Actor actor, Set<TeamId> myTeams) {
            return switch (this) {
                case MINE -> TicketFilter.all().withStatuses(UNSOLVED).withAssignee(actor.userId());
                case UNASSIGNED -> TicketFilter.all().withStatuses(UNSOLVED).onlyUnassigned();
                case TEAMS -> TicketFilter.all().withStatuses(UNSOLVED).inTeams(myTeams);
                case OPEN -> TicketFilter.all().withStatuses(UNSOLVED);
                case ALL -> TicketFilter.all();
            };
        }
    }

    public TicketListQuery {
        view = View.of(view).key();
        tag = blankToNull(tag);
        q = blankToNull(q);
        assignee = blankToNull(assignee);
        cursor = blankToNull(cursor);
        if (q != null && q.length() > MAX_TEXT) {
            throw new InvalidInput("q", "text-too-long", MAX_TEXT);
        }
        if (tag != null && tag.length() > MAX_TEXT) {
            throw new InvalidInput("tag", "text-too-long", MAX_TEXT);
        }
        if (assignee != null && !assignee.equals("me") && !assignee.equals("none")) {
            try {
                assignee = UUID.fromString(assignee).toString();
            } catch (IllegalArgumentException e) {
                throw new InvalidInput("assignee", "assignee-filter-invalid");
            }
        }
    }

    public View currentView() {
        return View.of(view);
    }

    /** Whether any filter narrows the view. */
    public boolean filtered() {
        return status != null || priority != null || type != null || assignee != null || team != null || tag != null
                || q != null;
    }

    public TicketFilter filter(Actor actor, Set<TeamId> myTeams) {
        var filter = currentView().filter(actor, myTeams);
        if (status != null) {
            filter = filter.withStatuses(Set.of(status));
        }
        if ("me".equals(assignee)) {
            filter = filter.withAssignee(actor.userId());
        } else if ("none".equals(assignee)) {
            filter = filter.onlyUnassigned();
        } else if (assignee != null) {
            filter = filter.withAssignee(new UserId(UUID.fromString(assignee)));
        }
        if (team != null) {
            filter = filter.withTeam(new TeamId(team));
        }
        if (priority != null) {
            filter = filter.withPriority(priority);
        }
        if (type != null) {
            filter = filter.withType(type);
        }
        return filter.withTag(tag).withText(q);
    }

    /** The address of this list without the page cursor: what the browser's address bar shows. */
    public String url() {
        var url = UriComponentsBuilder.fromPath("/tickets").queryParam("view", view);
        param(url, "status", status == null ? null : status.name().toLowerCase(Locale.ROOT));
        param(url, "priority", priority == null ? null : priority.name().toLowerCase(Locale.ROOT));
        param(url, "type", type == null ? null : type.name().toLowerCase(Locale.ROOT));
        param(url, "assignee", assignee);
        param(url, "team", team == null ? null : team.toString());
        param(url, "tag", tag);
        param(url, "q", q);
        return url.encode().build().toUriString();
    }

    /** The address of the next page of this list. */
    public String nextPage(String nextCursor) {
        return UriComponentsBuilder.fromUriString(url()).queryParam("cursor", nextCursor).build().toUriString();
    }

    private static void param(UriComponentsBuilder url, String name, String value) {
        if (value != null) {
            url.queryParam(name, value);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
