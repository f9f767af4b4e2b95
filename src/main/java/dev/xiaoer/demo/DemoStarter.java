package dev.xiaoer.demo;

import dev.xiaoer.workspace.WorkspaceId;
import dev.xiaoer.workspace.WorkspaceManagement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * On the local try-out's first start (no workspace yet), creates the demo workspace and prints
 * where to sign in with a freshly generated password; on later starts, prints the address only.
 */
@Component
@ConditionalOnBooleanProperty("xiaoer.demo.enabled")
class DemoStarter {

    private static final Logger log = LoggerFactory.getLogger(DemoStarter.class);

    private final WorkspaceManagement workspaces;
    private final DemoWorkspace demo;
    private final Environment environment;

    DemoStarter(WorkspaceManagement workspaces, DemoWorkspace demo, Environment environment) {
        this.workspaces = workspaces;
        this.demo = demo;
        this.environment = environment;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        var url = "http://localhost:" + environment.getProperty("local.server.port", "8080");
        var existing = workspaces.all();
        if (!existing.isEmpty()) {
            log.info(banner("Xiaoer is ready at " + url,
                    "Sign in with the account created on the first start (delete ./data to start over).",
                    "Try the chat widget as a visitor: " + demoShop(url, existing.getFirst().id())));
            return;
        }
        var data = demo.content();
        var signIn = demo.create(data, DemoPasswords.generate());
        log.info(banner("Xiaoer is ready at " + url,
                "Demo workspace \"" + signIn.workspace().name() + "\" with " + signIn.tickets() + " tickets.",
                "Sign in as " + signIn.email() + " with the password " + signIn.password(),
                "(generated now and shown only this once; delete ./data to start over)",
                "Try the chat widget as a visitor: " + demoShop(url, signIn.workspace().id())));
    }

    private static String demoShop(String url, WorkspaceId workspace) {
        return url + "/chat/demo-shop?workspace=" + workspace.value();
    }

    private static String banner(String... lines) {
        var width = 0;
        for (var line : lines) {
            width = Math.max(width, line.length());
        }
        var rule = "=".repeat(width + 4);
        var text = new StringBuilder("\n").append(rule).append('\n');
        for (var line : lines) {
            text.append("  ").append(line).append('\n');
        }
        return text.append(rule).toString();
    }
}
