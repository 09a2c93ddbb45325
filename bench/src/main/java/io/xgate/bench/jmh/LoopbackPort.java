package io.xgate.bench.jmh;

import io.xgate.dataplane.port.FrameBatch;
import io.xgate.dataplane.port.FramePool;
import io.xgate.dataplane.port.PacketPort;

/**
 * A zero-copy port for the pipeline benchmark: the benchmark hands the pipeline its batches directly, and
 * transmitted frames stay where they are, to be received again — or, for a worker that builds its frames from
 * its pool (packets handed over by another worker), go straight back to that pool, as completions would. It only
 * counts, so the measurement holds no copies and no queue (an AF_XDP port's own ring costs are for the end-to-end
 * benchmarks).
 */
final class LoopbackPort implements PacketPort {
    private final int id;
    private final String name;
    private final long mac;
    private final FramePool completions;
    private long transmitted;
    private long recycled;

    LoopbackPort(final int id, final String name, final long mac) {
        this(id, name, mac, null);
    }

    /** @param completions where transmitted frames go back to, or null to leave them in place */
    LoopbackPort(final int id, final String name, final long mac, final FramePool completions) {
        this.id = id;
        this.name = name;
        this.mac = mac;
        this.completions = completions;
    }

    @Override
    public int id() {
        return id;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public long macAddress() {
        return mac;
    }

    /** Nothing arrives by itself: the benchmark fills the receive batch. */
    @Override
    public int receive(final FrameBatch batch) {
        return 0;
    }

    @Override
    public int transmit(final FrameBatch batch) {
        transmitted += batch.size();
        if (completions != null) {
            for (int i = 0; i < batch.size(); i++) {
                completions.give(batch.address(i));
            }
        }
        return batch.size();
    }

    @Override
    public void recycle(final long address) {
        recycled++;
        if (completions != null) {
            completions.give(address);
        }
    }

    long transmitted() {
        return transmitted;
    }

    /** Frames the pipeline dropped or punted. */
    long recycled() {
        return recycled;
    }
}
