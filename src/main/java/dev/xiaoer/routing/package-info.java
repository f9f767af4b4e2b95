/**
 * Routing: which agent answers which conversation. Today it runs the workspace's chat queue: a new
 * chat waits there until {@link dev.xiaoer.routing.ChatRouting} gives it to an online agent with room
 * (as chosen by the replaceable {@link dev.xiaoer.routing.AssignmentPolicy}), or an agent takes it;
 * an agent who goes offline hands their chats back to the queue. The supervisor's monitor lives here.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Routing",
        allowedDependencies = {"workspace", "identity", "agent", "ticket", "platform"})
package dev.xiaoer.routing;
