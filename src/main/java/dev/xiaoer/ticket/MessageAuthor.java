package dev.xiaoer.ticket;

/** Which side a public message speaks for. */
public enum MessageAuthor {
    /** The service team: a signed-in agent or an integration acting for the merchant. */
    AGENT,
    /** The ticket's requester, writing themselves or through an integration that relays them. */
    CUSTOMER
}
