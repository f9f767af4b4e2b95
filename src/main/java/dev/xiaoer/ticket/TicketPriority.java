package dev.xiaoer.ticket;

public enum TicketPriority {
    LOW, NORMAL, HIGH, URGENT
}
