package dev.xiaoer.ticket;

/** A reference to another ticket of the same workspace, with the number people know it by. */
public record TicketLink(TicketId id, long number) {
}
