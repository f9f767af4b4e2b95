package dev.xiaoer.automation.domain;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The variables a canned reply may use, written {@code {{customer.name}}}, filled from the ticket. */
public enum ReplyVariable {
    CUSTOMER_NAME("customer.name"),
    TICKET_NUMBER("ticket.number"),
    TICKET_SUBJECT("ticket.subject"),
    AGENT_NAME("agent.name");

    private final String variableName;

    ReplyVariable(String variableName) {
        this.variableName = variableName;
    }

    public String variableName() {
        return variableName;
    }

    /** How the variable is written in a text. */
    public String placeholder() {
        return "{{" + variableName + "}}";
    }

    public static Optional<ReplyVariable> named(String name) {
        return Arrays.stream(values()).filter(variable -> variable.variableName.equals(name)).findFirst();
    }

    /** Every variable as written in a text, for messages that list them. */
    public static String allPlaceholders() {
        return Arrays.stream(values()).map(ReplyVariable::placeholder).collect(Collectors.joining(", "));
    }
}
