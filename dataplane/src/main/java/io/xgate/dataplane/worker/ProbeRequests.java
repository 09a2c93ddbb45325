package io.xgate.dataplane.worker;

/**
 * Probes the control plane asked for and the worker has not sent yet: filled by {@link WorkerCommand.SendProbe}
 * between batches, drained by {@link Pipeline#sendProbes} in the same duty cycle. A fixed ring, so the worker
 * never allocates; probes are a few per tunnel and second, and one that finds the ring full is refused (the
 * monitor sees it as a miss, which is what a stalled worker deserves).
 */
public final class ProbeRequests {
    static final int CAPACITY = 256;

    private final WorkerCommand.SendProbe[] ring = new WorkerCommand.SendProbe[CAPACITY];
    private int head;
    private int size;

    boolean offer(final WorkerCommand.SendProbe probe) {
        if (size == CAPACITY) {
            return false;
        }
        ring[(head + size) % CAPACITY] = probe;
        size++;
        return true;
    }

    /** The oldest waiting probe, removed, or null. */
    WorkerCommand.SendProbe poll() {
        if (size == 0) {
            return null;
        }
        final WorkerCommand.SendProbe probe = ring[head];
        ring[head] = null;
        head = (head + 1) % CAPACITY;
        size--;
        return probe;
    }

    public int size() {
        return size;
    }
}
