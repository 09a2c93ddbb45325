package io.xgate.linux.xdp;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.MemorySegment;

/** TX ring: frames to send, each a UMEM address of the first byte and a length. */
public final class TxRing extends ProducerRing {
    TxRing(MemorySegment mapping, RingOffsets offsets, int size) {
        super(mapping, offsets, size, XdpDescriptor.SIZE);
    }

    public void setDescriptor(int position, long umemAddress, int length) {
        long entry = entryOffset(position);
        mapping.set(JAVA_LONG, entry + XdpDescriptor.ADDR, umemAddress);
        mapping.set(JAVA_INT, entry + XdpDescriptor.LEN, length);
        mapping.set(JAVA_INT, entry + XdpDescriptor.OPTIONS, 0);
    }
}
