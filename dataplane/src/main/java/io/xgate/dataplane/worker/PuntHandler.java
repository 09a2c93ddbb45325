package io.xgate.dataplane.worker;

import io.xgate.dataplane.counters.DropReason;
import java.lang.foreign.MemorySegment;

/**
 * Receives packets the worker cannot finish itself — for the gateway, TTL expired (ICMP time-exceeded),
 * too big for the tunnel (ICMP fragmentation-needed / packet-too-big), neighbour unresolved — so the control
 * plane can act. Called on the worker thread: implementations copy what they need (into a ring) and return.
 */
@FunctionalInterface
public interface PuntHandler {
    PuntHandler NONE = (reason, port, memory, offset, length) -> { };
    /** The port of a packet the gateway itself originated (a tunnel-monitor probe). */
    int FROM_GATEWAY = -1;

    void punt(DropReason reason, int port, MemorySegment memory, long offset, int length);
}
