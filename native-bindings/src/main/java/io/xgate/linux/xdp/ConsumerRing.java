package io.xgate.linux.xdp;

import java.lang.foreign.MemorySegment;

/**
 * The side of a ring that user space drains (RX and COMPLETION). {@link #peek} says how many entries
 * are ready at positions 0..n-1; {@link #release} hands them back to the kernel with a release store.
 */
public abstract sealed class ConsumerRing extends XskRing permits RxRing, CompletionRing {
    private int cachedProducer;

    ConsumerRing(MemorySegment mapping, RingOffsets offsets, int size, int entrySize) {
        super(mapping, offsets, size, entrySize);
        this.head = (int) U32.getAcquire(mapping, consumerOffset);
        this.cachedProducer = (int) U32.getAcquire(mapping, producerOffset);
    }

    /** Returns how many entries, up to {@code n}, are ready to read. */
    public final int peek(int n) {
        int available = cachedProducer - head;
        if (available < n) {
            cachedProducer = (int) U32.getAcquire(mapping, producerOffset);
            available = cachedProducer - head;
        }
        return Math.min(n, available);
    }

    /** Gives the first {@code n} peeked entries back to the kernel. */
    public final void release(int n) {
        head += n;
        U32.setRelease(mapping, consumerOffset, head);
    }
}
