package io.xgate.dataplane.worker;

import io.xgate.dataplane.counters.CounterTypes;
import java.util.ArrayList;
import java.util.List;
import org.agrona.concurrent.status.AtomicCounter;
import org.agrona.concurrent.status.CountersManager;

/**
 * The handoff rings between {@code N} workers, one per ordered pair (single producer, single consumer, as Agrona's
 * {@link org.agrona.concurrent.ringbuffer.OneToOneRingBuffer} wants), and each worker's two counters:
 * {@code worker I: handed off} and {@code worker I: taken over}. Build it on the thread that owns the counters.
 */
public final class HandoffMesh implements AutoCloseable {
    /** Bytes per ring (a power of two): about 700 full-size Ethernet frames in flight between two workers. */
    public static final int DEFAULT_RING_CAPACITY = 1024 * 1024;

    private final List<WorkerHandoffs> workers = new ArrayList<>();
    private final List<AtomicCounter> counters = new ArrayList<>();

    public HandoffMesh(final int workerCount, final CountersManager manager) {
        this(workerCount, manager, DEFAULT_RING_CAPACITY);
    }

    public HandoffMesh(final int workerCount, final CountersManager manager, final int ringCapacity) {
        if (workerCount < 2) {
            throw new IllegalArgumentException("a mesh joins 2 or more workers; a lone one uses WorkerHandoffs.SOLO");
        }
        final HandoffRing[][] rings = new HandoffRing[workerCount][workerCount];
        for (int from = 0; from < workerCount; from++) {
            for (int to = 0; to < workerCount; to++) {
                if (from != to) {
                    rings[from][to] = new HandoffRing(ringCapacity);
                }
            }
        }
        for (int i = 0; i < workerCount; i++) {
            final HandoffRing[] incoming = new HandoffRing[workerCount - 1];
            int n = 0;
            for (int from = 0; from < workerCount; from++) {
                if (from != i) {
                    incoming[n++] = rings[from][i];
                }
            }
            workers.add(new WorkerHandoffs(i, rings[i], incoming, counter(manager, i, "handed off"),
                    counter(manager, i, "taken over")));
        }
    }

    private AtomicCounter counter(final CountersManager manager, final int worker, final String name) {
        final AtomicCounter counter = manager.newCounter("worker " + worker + ": " + name, CounterTypes.WORKER,
                key -> key.putLong(0, worker));
        counters.add(counter);
        return counter;
    }

    /** Worker {@code index}'s ends of the rings. */
    public WorkerHandoffs worker(final int index) {
        return workers.get(index);
    }

    @Override
    public void close() {
        counters.forEach(AtomicCounter::close);
    }
}
