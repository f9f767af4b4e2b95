package dev.xiaoer.assistant;

/** What the assistant does with a customer's message. */
public enum DecisionKind {
    /** Answers with an FAQ entry it is confident about. */
    ANSWER,
    /** Not sure which question it is: offers the two or three likeliest to choose from. */
    CLARIFY,
    /** Gives the conversation to a person, with what it understood. */
    HAND_OFF
}
