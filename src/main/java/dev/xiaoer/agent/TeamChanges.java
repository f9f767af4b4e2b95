package dev.xiaoer.agent;

/** A partial update of a team: {@code null} keeps a field; an empty description clears it. */
public record TeamChanges(String name, String description) {
}
