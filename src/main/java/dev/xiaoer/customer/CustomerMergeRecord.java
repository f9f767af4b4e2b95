package dev.xiaoer.customer;

import dev.xiaoer.identity.Actor;
import java.time.Instant;
import java.util.UUID;

/** One recorded merge: {@code source} went into {@code target}, by whom and when. */
public record CustomerMergeRecord(CustomerId source, CustomerId target, Actor.Type mergedByType, UUID mergedById,
                                  String mergedByName, Instant mergedAt) {
}
