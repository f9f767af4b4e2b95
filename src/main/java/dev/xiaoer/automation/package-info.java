/**
 * Automation: what saves agents from typing the same answer again. Today it holds the workspace's
 * canned replies (macros): a title agents search by, an optional shortcut, and one text per language
 * with variables such as {@code {{customer.name}}} and {@code {{ticket.number}}}, filled from the
 * ticket when an agent picks one in the composer. Triggers (condition → action) will live here too.
 * <p>
 * Other modules use {@link dev.xiaoer.automation.CannedReplies}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Automation",
        allowedDependencies = {"workspace", "identity", "customer", "ticket", "platform"})
package dev.xiaoer.automation;
