package dev.xiaoer.knowledge;

/** What the assistant does besides answering with an FAQ entry. */
public enum FaqAction {
    /** Answer only. */
    NONE,
    /** Answer, then hand the conversation to a person. */
    HAND_OFF,
    /** Answer, then offer to open an after-sales claim. */
    OPEN_CLAIM,
    /** Answer with the customer's order status. */
    SHOW_ORDER_STATUS
}
