package io.xgate.dataplane.worker;

import io.xgate.dataplane.counters.TrafficCounters;
import io.xgate.dataplane.port.FrameBatch;
import io.xgate.dataplane.port.PacketPort;

/** A port with what the pipeline keeps beside it: its virtual router, counters and pending transmit batch. */
public final class PortContext {
    private final PacketPort port;
    private final int virtualRouter;
    private final TrafficCounters counters;
    private final FrameBatch tx = new FrameBatch();

    public PortContext(final PacketPort port, final int virtualRouter, final TrafficCounters counters) {
        this.port = port;
        this.virtualRouter = virtualRouter;
        this.counters = counters;
    }

    public PacketPort port() {
        return port;
    }

    public int virtualRouter() {
        return virtualRouter;
    }

    public TrafficCounters counters() {
        return counters;
    }

    FrameBatch tx() {
        return tx;
    }
}
