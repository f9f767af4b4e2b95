/**
 * The assistant (bot): one entry point for every channel, a customer's message in and a decision
 * out (answer, clarify or hand off to a person), recorded for analytics. Also the evaluation command
 * operators run on their own data ({@code xiaoer assistant eval}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Assistant",
        allowedDependencies = {"nlu", "knowledge", "workspace", "identity", "platform"})
package dev.xiaoer.assistant;
