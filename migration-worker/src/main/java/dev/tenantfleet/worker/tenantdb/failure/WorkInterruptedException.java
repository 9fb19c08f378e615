package dev.tenantfleet.worker.tenantdb.failure;

/** The worker is shutting down while a command ran; the command must go back to the queue, not be answered. */
public class WorkInterruptedException extends RuntimeException {
    public WorkInterruptedException(InterruptedException cause) {
        super("interrupted while working on a tenant database", cause);
    }
}
