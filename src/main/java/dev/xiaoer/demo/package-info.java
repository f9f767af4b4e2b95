/**
 * The demo workspace of the local try-out: on the first start with {@code xiaoer.demo.enabled=true}
 * (the {@code dev} profile) it creates a shop with agents, teams, customers, canned replies and a few
 * dozen realistic tickets in Chinese and English, and prints where to sign in with a generated password.
 * It sits above every feature module and is never active in production.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo")
package dev.xiaoer.demo;
