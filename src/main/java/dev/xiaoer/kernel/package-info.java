/**
 * Shared kernel: the few value types and the business-exception base that every module uses.
 * Nothing here knows about any feature module.
 */
package dev.xiaoer.kernel;
