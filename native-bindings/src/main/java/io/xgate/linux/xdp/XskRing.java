package io.xgate.linux.xdp;

import static java.lang.foreign.ValueLayout.JAVA_INT;

import io.xgate.linux.sys.Libc;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.VarHandle;

/**
 * One mmap'ed AF_XDP ring: u32 producer and consumer indexes that run freely and wrap, a flags word, and
 * a power-of-two array of descriptors. {@code head} is this side's own index (the producer for a
 * producer ring, the consumer for a consumer ring); descriptor accessors take positions relative to it.
 */
public abstract sealed class XskRing permits ProducerRing, ConsumerRing {
    static final VarHandle U32 = JAVA_INT.varHandle();
    private static final int XDP_RING_NEED_WAKEUP = 1;

    final MemorySegment mapping;
    final long producerOffset;
    final long consumerOffset;
    private final long flagsOffset;
    private final long descOffset;
    private final int entrySize;
    final int size;
    private final int mask;
    int head;

    XskRing(MemorySegment mapping, RingOffsets offsets, int size, int entrySize) {
        this.mapping = mapping;
        this.producerOffset = offsets.producer();
        this.consumerOffset = offsets.consumer();
        this.flagsOffset = offsets.flags();
        this.descOffset = offsets.desc();
        this.size = size;
        this.mask = size - 1;
        this.entrySize = entrySize;
    }

    public final int size() {
        return size;
    }

    /** The kernel asks for a syscall before it looks at this ring again (XDP_USE_NEED_WAKEUP). */
    public final boolean needsWakeup() {
        return ((int) U32.getAcquire(mapping, flagsOffset) & XDP_RING_NEED_WAKEUP) != 0;
    }

    /** Byte offset in the mapping of the entry {@code position} places after {@code head}. */
    final long entryOffset(int position) {
        return descOffset + (long) ((head + position) & mask) * entrySize;
    }

    void unmap() {
        Libc.munmap(mapping);
    }

    static long mappingLength(RingOffsets offsets, int size, int entrySize) {
        return offsets.desc() + (long) size * entrySize;
    }
}
