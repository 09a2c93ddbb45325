package io.xgate.dataplane.worker;

import io.xgate.dataplane.sa.Retirable;

/**
 * Where a worker's tables put an SA or tunnel they no longer use (removed, or an SA replaced by a rekey). Closing
 * an SA wipes its keys, and closing either frees its counters in the {@code CountersManager}, which only the
 * control-plane thread may touch, so a worker hands it back ({@link SaReturnQueue}) instead of closing it. Single-threaded owners (the
 * in-memory gateways) close at once.
 */
@FunctionalInterface
public interface RetiredSas {
    RetiredSas CLOSE_NOW = Retirable::close;

    void retire(Retirable retired);
}
