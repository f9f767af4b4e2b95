/**
 * The frame around the features: the page shell and navigation, RFC 9457 error handling,
 * localisation, and web configuration. No business rules live here.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform",
        allowedDependencies = {"workspace", "identity"})
package dev.xiaoer.platform;
