package dev.xiaoer.assistant;

/** Why the assistant handed a conversation to a person. */
public enum HandOffReason {
    /** The customer asked for a person ("转人工", "human", "agent"). */
    ASKED_FOR_PERSON,
    /** No FAQ entry comes close to the question. */
    NOT_UNDERSTOOD,
    /** Two answers in a row were marked unhelpful. */
    UNHELPFUL_ANSWERS,
    /** The FAQ entry says a person takes over after the answer. */
    FAQ_ACTION,
    /** The message is in a language the assistant has no FAQ entries or model for. */
    LANGUAGE_NOT_SUPPORTED,
    /** The message is longer than a question: a person reads it. */
    MESSAGE_TOO_LONG
}
