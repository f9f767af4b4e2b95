/**
 * Customers: profiles, their identities per channel (e-mail, phone, WeChat openid, chat visitor
 * id, external shop id), find-or-create by identity, and merging duplicates.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Customer", allowedDependencies = {"workspace", "identity"})
package dev.xiaoer.customer;
