package io.xgate.linux.xdp;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.MemorySegment;

/** RX ring: received frames, each a UMEM address (of the packet's first byte), a length and options. */
public final class RxRing extends ConsumerRing {
    RxRing(MemorySegment mapping, RingOffsets offsets, int size) {
        super(mapping, offsets, size, XdpDescriptor.SIZE);
    }

    public long address(int position) {
        return mapping.get(JAVA_LONG, entryOffset(position) + XdpDescriptor.ADDR);
    }

    public int length(int position) {
        return mapping.get(JAVA_INT, entryOffset(position) + XdpDescriptor.LEN);
    }

    public int options(int position) {
        return mapping.get(JAVA_INT, entryOffset(position) + XdpDescriptor.OPTIONS);
    }
}
