package dev.xiaoer.customer;

import dev.xiaoer.workspace.WorkspaceId;

/** Two profiles of one customer were merged: {@code source} now lives on as {@code target}. */
public record CustomerMerged(WorkspaceId workspace, CustomerId source, CustomerId target, java.time.Instant at) {}
