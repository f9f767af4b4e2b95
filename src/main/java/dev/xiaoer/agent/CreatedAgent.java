package dev.xiaoer.agent;

/** A new agent; {@code initialPassword} is the generated password, shown once, or {@code null} if one was given. */
public record CreatedAgent(Agent agent, String initialPassword) {
}
