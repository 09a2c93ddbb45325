package io.xgate.dataplane.counters;

/**
 * No free slot in the counters file for a new port, tunnel or SA. A resource limit, not a bug: the caller refuses
 * what needed the counters (a commit reverts, a negotiated child SA is deleted) and the gateway keeps running.
 */
public final class CountersFullException extends IllegalStateException {
    public CountersFullException(final String owner, final Throwable cause) {
        super("the counters file is full; no counters for " + owner, cause);
    }
}
