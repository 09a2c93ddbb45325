package io.xgate.dataplane.sa;

/**
 * Something a worker's tables let go of that must be closed on the control-plane thread: an SA (its keys are
 * wiped, its counters freed) or a tunnel (its counters freed). Closing never throws.
 */
public interface Retirable extends AutoCloseable {
    @Override
    void close();
}
