package dev.xiaoer.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xiaoer.identity.Role;
import org.junit.jupiter.api.Test;

class NavigationItemTest {

    @Test
    void aMainEntryIsForAgentsAndEveryoneAboveThem() {
        var tickets = NavigationItem.main("tickets", "/tickets", "ticket", 20);

        assertThat(tickets.isVisibleTo(Role.AGENT)).isTrue();
        assertThat(tickets.isVisibleTo(Role.OWNER)).isTrue();
        assertThat(tickets.isVisibleTo(Role.STATION_STAFF)).isFalse();
        assertThat(tickets.isVisibleTo(null)).isFalse();
        assertThat(tickets.labelKey()).isEqualTo("nav.tickets");
    }

    @Test
    void anAdminEntryIsForAdminsAndOwnersOnly() {
        var members = NavigationItem.admin("members", "/admin/members", "users", 10);

        assertThat(members.isVisibleTo(Role.ADMIN)).isTrue();
        assertThat(members.isVisibleTo(Role.OWNER)).isTrue();
        assertThat(members.isVisibleTo(Role.SUPERVISOR)).isFalse();
    }

    @Test
    void anEntryIsCurrentOnItsOwnPathAndThePagesBelowIt() {
        var tickets = NavigationItem.main("tickets", "/tickets", "ticket", 20);
        var inbox = NavigationItem.main("inbox", "/", "inbox", 10);

        assertThat(tickets.matches("/tickets")).isTrue();
        assertThat(tickets.matches("/tickets/1042")).isTrue();
        assertThat(tickets.matches("/tickets-archive")).isFalse();
        assertThat(inbox.matches("/")).isTrue();
        assertThat(inbox.matches("/tickets")).isFalse();
    }

    @Test
    void anEntryNeedsAnAbsolutePath() {
        assertThatThrownBy(() -> NavigationItem.main("tickets", "tickets", "ticket", 20))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
