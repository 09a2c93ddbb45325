package io.xgate.dataplane.worker;

import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Where command objects wait between the control plane and the worker. The command ring carries only a
 * sequence number; the object sits in slot {@code sequence & mask} until the worker collects it. The slot is
 * written before the ring message is published (a release), so the worker's read of the message (an acquire)
 * makes the object visible. Producers are serialised by {@link WorkerProxy}; the worker is the only consumer.
 */
final class CommandHandoff {
    private final AtomicReferenceArray<WorkerCommand> slots;
    private final int mask;
    private long nextSequence;

    CommandHandoff(final int capacity) {
        if (Integer.bitCount(capacity) != 1) {
            throw new IllegalArgumentException("capacity must be a power of two: " + capacity);
        }
        this.slots = new AtomicReferenceArray<>(capacity);
        this.mask = capacity - 1;
    }

    /** Producer side: parks {@code command} and returns its sequence, or -1 when its slot is still taken. */
    long deposit(final WorkerCommand command) {
        final int slot = (int) (nextSequence & mask);
        if (slots.get(slot) != null) {
            return -1;
        }
        slots.setRelease(slot, command);
        return nextSequence++;
    }

    /** Producer side: takes back a command whose ring message could not be written. */
    void revoke(final long sequence) {
        slots.set((int) (sequence & mask), null);
        nextSequence = sequence;
    }

    /** Worker side: the command parked under {@code sequence}, freeing its slot. */
    WorkerCommand collect(final long sequence) {
        final int slot = (int) (sequence & mask);
        final WorkerCommand command = slots.getAcquire(slot);
        slots.setRelease(slot, null);
        return command;
    }
}
