package dev.xiaoer.ticket;

/** The channel a ticket came in through. Only a label here: the ticket module never talks to a channel. */
public enum TicketChannel {
    API, EMAIL, CHAT, WECHAT, PHONE, STATION, WEB
}
