package dev.xiaoer.kernel;

import java.util.List;

/**
 * One page of a list, newest first or in whatever order the list defines. {@code nextCursor} is
 * opaque to clients and {@code null} on the last page. Cursors stay stable while rows are added,
 * unlike offsets.
 */
public record CursorPage<T>(List<T> items, String nextCursor) {

    public static final int DEFAULT_LIMIT = 25;
    public static final int MAX_LIMIT = 100;

    /** Checks a client's {@code limit}, defaulting when absent. */
    public static int limit(Integer requested) {
        if (requested == null) {
            return DEFAULT_LIMIT;
        }
        if (requested < 1 || requested > MAX_LIMIT) {
            throw new InvalidInput("limit", "limit-out-of-range", 1, MAX_LIMIT);
        }
        return requested;
    }
}
