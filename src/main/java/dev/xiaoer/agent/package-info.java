/**
 * Agents (members who answer customers) with their skills, capacity and presence, and teams.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Agent", allowedDependencies = {"workspace", "identity"})
package dev.xiaoer.agent;
