package dev.xiaoer.knowledge;

/** Where an import is. */
public enum ImportStatus {
    /** Accepted, waiting for a node to take it. */
    QUEUED,
    /** Rows are being applied. */
    RUNNING,
    /** Every row was applied or refused. */
    DONE,
    /** Stopped by a fault that is not the file's (the database went away, again and again); applied rows stay. */
    FAILED;

    public boolean isFinished() {
        return this == DONE || this == FAILED;
    }
}
