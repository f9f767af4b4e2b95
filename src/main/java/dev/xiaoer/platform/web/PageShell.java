package dev.xiaoer.platform.web;

import dev.xiaoer.identity.UserPrincipal;
import dev.xiaoer.platform.NavigationItem;
import dev.xiaoer.platform.ShellWidget;
import dev.xiaoer.workspace.Workspace;
import dev.xiaoer.workspace.WorkspaceManagement;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/**
 * Builds the {@link Shell} for the signed-in user of a request from the {@link NavigationItem}s and
 * {@link ShellWidget}s that modules declare, and adds it to page models as {@code shell}.
 */
@Component
class PageShell {

    static final String MODEL_NAME = "shell";
    private static final Comparator<NavigationItem> BY_ORDER =
            Comparator.comparingInt(NavigationItem::order).thenComparing(NavigationItem::key);

    private final ObjectProvider<NavigationItem> items;
    private final ObjectProvider<ShellWidget> widgets;
    private final WorkspaceManagement workspaces;

    PageShell(ObjectProvider<NavigationItem> items, ObjectProvider<ShellWidget> widgets,
              WorkspaceManagement workspaces) {
        this.items = items;
        this.widgets = widgets;
        this.workspaces = workspaces;
    }

    /** Adds the shell to a page about to be rendered; redirects and bodies without a view are left alone. */
    void addTo(ModelAndView page, HttpServletRequest request) {
        if (page != null && rendersAPage(page)) {
            current(request).ifPresent(shell -> page.addObject(MODEL_NAME, shell));
        }
    }

    private static boolean rendersAPage(ModelAndView page) {
        var name = page.getViewName();
        if (name != null) {
            // A fragment answers an htmx request inside a page that already has its shell.
            return !name.startsWith("redirect:") && !name.startsWith("forward:") && !name.contains("::");
        }
        return page.getView() != null && !(page.getView() instanceof RedirectView);
    }

    Optional<Shell> current(HttpServletRequest request) {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof UserPrincipal user)) {
            return Optional.empty();
        }
        var member = user.member();
        var path = requestPath(request);
        var visible = items.orderedStream().filter(item -> item.isVisibleTo(member.role())).sorted(BY_ORDER).toList();
        var admin = visible.stream().filter(item -> item.section() == NavigationItem.Section.ADMIN)
                .map(item -> link(item, path)).toList();
        var main = new ArrayList<Shell.Link>(visible.stream()
                .filter(item -> item.section() == NavigationItem.Section.MAIN).map(item -> link(item, path)).toList());
        if (!admin.isEmpty()) {
            main.add(new Shell.Link("admin", "nav.admin", admin.getFirst().path(), "settings",
                    admin.stream().anyMatch(Shell.Link::active)));
        }
        var workspaceName = workspaces.find(member.workspace()).map(Workspace::name).orElse("");
        var shown = widgets.orderedStream().filter(widget -> widget.isVisibleTo(member.role()))
                .sorted(Comparator.comparingInt(ShellWidget::order).thenComparing(ShellWidget::key))
                .map(ShellWidget::path).toList();
        return Optional.of(new Shell(workspaceName, member.displayName(), member.email(), member.role(),
                member.locale(), List.copyOf(main), admin, path, shown));
    }

    private static Shell.Link link(NavigationItem item, String path) {
        return new Shell.Link(item.key(), item.labelKey(), item.path(), item.icon(), item.matches(path));
    }

    /** The path the user asked for, also while an error page for it is rendered. */
    private static String requestPath(HttpServletRequest request) {
        var original = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        var uri = original instanceof String s ? s : request.getRequestURI();
        var context = request.getContextPath();
        return !context.isEmpty() && uri.startsWith(context) ? uri.substring(context.length()) : uri;
    }
}
