/**
 * Users, their memberships and roles per workspace, password login and workspace-scoped API
 * tokens. {@link dev.xiaoer.identity.Actor} is who is acting on a request, whatever the way in.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity", allowedDependencies = "workspace")
package dev.xiaoer.identity;
