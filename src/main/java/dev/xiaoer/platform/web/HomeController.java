package dev.xiaoer.platform.web;

import dev.xiaoer.identity.Actor;
import dev.xiaoer.identity.Role;
import dev.xiaoer.workspace.WorkspaceManagement;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The home page: the inbox. Until the ticket list takes its place it greets the user, shows the
 * workspace's settings and says what to do next.
 */
@Controller
class HomeController {

    private static final DateTimeFormatter CLOCK_TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final WorkspaceManagement workspaces;
    private final Clock clock;

    HomeController(WorkspaceManagement workspaces, Clock clock) {
        this.workspaces = workspaces;
        this.clock = clock;
    }

    /** The workspace's settings as the dashboard card shows them, in the reader's language. */
    record WorkspaceCard(String name, String language, String timeZone, String localTime, String currency) {
    }

    @GetMapping("/")
    String home(Actor actor, Locale locale, Model model) {
        var workspace = workspaces.get(actor.workspace());
        var now = ZonedDateTime.now(clock.withZone(workspace.timeZone()));
        model.addAttribute("workspace", new WorkspaceCard(workspace.name(),
                workspace.defaultLanguage().getDisplayName(locale), workspace.timeZone().getId(),
                CLOCK_TIME.format(now), workspace.currency().getCurrencyCode() + " · "
                        + workspace.currency().getDisplayName(locale)));
        model.addAttribute("greeting", greeting(now.getHour()));
        model.addAttribute("today", DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(locale).format(now));
        model.addAttribute("canAdminister", actor.role() == Role.OWNER || actor.role() == Role.ADMIN);
        return "home";
    }

    private static String greeting(int hour) {
        if (hour >= 5 && hour < 12) {
            return "home.greeting.morning";
        }
        if (hour >= 12 && hour < 18) {
            return "home.greeting.afternoon";
        }
        return "home.greeting.evening";
    }
}
