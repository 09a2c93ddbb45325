package io.xgate.linux.xdp;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.MemorySegment;

/** COMPLETION ring: UMEM addresses of transmitted frames, which user space owns again. */
public final class CompletionRing extends ConsumerRing {
    static final int ENTRY_SIZE = 8;

    CompletionRing(MemorySegment mapping, RingOffsets offsets, int size) {
        super(mapping, offsets, size, ENTRY_SIZE);
    }

    public long address(int position) {
        return mapping.get(JAVA_LONG, entryOffset(position));
    }
}
