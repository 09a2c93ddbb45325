package io.xgate.linux.xdp;

import java.lang.foreign.MemorySegment;

/**
 * The side of a ring that user space fills (FILL and TX). Reserve slots, write them at positions
 * 0..n-1, then {@link #submit} to publish them to the kernel with a release store.
 */
public abstract sealed class ProducerRing extends XskRing permits FillRing, TxRing {
    // The kernel's consumer index plus size, i.e. the producer value at which the ring would be full.
    private int cachedLimit;
    private int reserved;

    ProducerRing(MemorySegment mapping, RingOffsets offsets, int size, int entrySize) {
        super(mapping, offsets, size, entrySize);
        this.head = (int) U32.getAcquire(mapping, producerOffset);
        this.cachedLimit = (int) U32.getAcquire(mapping, consumerOffset) + size;
    }

    /** Reserves up to {@code n} more slots and returns how many were granted (0 when the ring is full). */
    public final int reserve(int n) {
        int free = cachedLimit - (head + reserved);
        if (free < n) {
            cachedLimit = (int) U32.getAcquire(mapping, consumerOffset) + size;
            free = cachedLimit - (head + reserved);
        }
        int granted = Math.min(n, free);
        reserved += granted;
        return granted;
    }

    /** Entries published but not yet taken by the kernel: a TX kick is worth its syscall only while this is not 0. */
    public final int unconsumed() {
        return head - (int) U32.getAcquire(mapping, consumerOffset);
    }

    /** Publishes the first {@code n} reserved slots. */
    public final void submit(int n) {
        head += n;
        reserved -= n;
        U32.setRelease(mapping, producerOffset, head);
    }
}
