package dev.xiaoer.ticket;

/** What kind of problem a ticket is about. */
public enum TicketType {
    INQUIRY, COMPLAINT, AFTER_SALES, TECHNICAL_QUESTION, LOGISTICS
}
