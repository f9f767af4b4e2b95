package dev.xiaoer.kernel;

/**
 * A resource that does not exist in the caller's workspace. Resources of other workspaces are
 * reported the same way, so their existence is never revealed.
 */
public class NotFound extends BusinessException {

    public NotFound(String resource, Object id) {
        super("not-found", Kind.NOT_FOUND, resource + " " + id + " not found", resource, String.valueOf(id));
    }
}
