/**
 * Tickets: one per customer problem, numbered per workspace (#1001 upward), with a status
 * lifecycle, assignment, tags, workspace-defined custom fields, attachments, and a timeline on
 * which every message, note and change is recorded.
 * <p>
 * Other modules use {@link dev.xiaoer.ticket.TicketManagement} and
 * {@link dev.xiaoer.ticket.TicketFieldManagement}, and listen to {@link dev.xiaoer.ticket.TicketCreated},
 * {@link dev.xiaoer.ticket.TicketUpdated}, {@link dev.xiaoer.ticket.MessageAdded} and
 * {@link dev.xiaoer.ticket.TicketSolved}. The module never knows a channel: replies leave through
 * {@code channel} listening to {@code MessageAdded}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Ticket",
        allowedDependencies = {"workspace", "identity", "customer", "agent", "platform"})
package dev.xiaoer.ticket;
