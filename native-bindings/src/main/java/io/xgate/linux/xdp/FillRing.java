package io.xgate.linux.xdp;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.MemorySegment;

/** FILL ring: UMEM frame addresses user space lends the kernel for receiving. */
public final class FillRing extends ProducerRing {
    static final int ENTRY_SIZE = 8;

    FillRing(MemorySegment mapping, RingOffsets offsets, int size) {
        super(mapping, offsets, size, ENTRY_SIZE);
    }

    public void setAddress(int position, long umemAddress) {
        mapping.set(JAVA_LONG, entryOffset(position), umemAddress);
    }
}
