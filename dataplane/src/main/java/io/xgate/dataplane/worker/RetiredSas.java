package io.xgate.dataplane.worker;

import io.xgate.dataplane.sa.SecurityAssociation;

/**
 * Where a worker's tables put an SA they no longer use (removed, or replaced by a rekey). Closing an SA wipes
 * its keys and frees its counters in the {@code CountersManager}, which only the control-plane thread may touch,
 * so a worker hands the SA back ({@link SaReturnQueue}) instead of closing it. Single-threaded owners (the
 * in-memory gateways) close at once.
 */
@FunctionalInterface
public interface RetiredSas {
    RetiredSas CLOSE_NOW = SecurityAssociation::close;

    void retire(SecurityAssociation sa);
}
