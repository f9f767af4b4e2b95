/**
 * Workspaces: one merchant, brand or county programme each, with its name, default language,
 * time zone and currency. Every row of every other module belongs to exactly one workspace.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Workspace")
package dev.xiaoer.workspace;
