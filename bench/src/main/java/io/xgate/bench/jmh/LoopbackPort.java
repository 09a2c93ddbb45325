package io.xgate.bench.jmh;

import io.xgate.dataplane.port.FrameBatch;
import io.xgate.dataplane.port.PacketPort;

/**
 * A zero-copy port for the pipeline benchmark: the benchmark hands the pipeline its batches directly, and
 * transmitted frames stay where they are, to be received again. It only counts, so the measurement holds no
 * copies and no queue (an AF_XDP port's own ring costs are for the end-to-end benchmarks).
 */
final class LoopbackPort implements PacketPort {
    private final int id;
    private final String name;
    private final long mac;
    private long transmitted;
    private long recycled;

    LoopbackPort(final int id, final String name, final long mac) {
        this.id = id;
        this.name = name;
        this.mac = mac;
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
        return batch.size();
    }

    @Override
    public void recycle(final long address) {
        recycled++;
    }

    long transmitted() {
        return transmitted;
    }

    /** Frames the pipeline dropped or punted. */
    long recycled() {
        return recycled;
    }
}
