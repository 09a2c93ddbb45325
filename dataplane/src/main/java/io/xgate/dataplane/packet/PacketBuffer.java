package io.xgate.dataplane.packet;

import java.lang.foreign.MemorySegment;

/**
 * The frame being worked on: its chunk of frame memory and where the packet currently starts and ends in it.
 * Encapsulation grows the packet into the chunk's headroom and tailroom; one instance is reused per worker.
 */
public final class PacketBuffer {
    private MemorySegment memory;
    private long chunkStart;
    private long chunkEnd;
    private long start;
    private int length;

    public void wrap(final MemorySegment memory, final long chunkStart, final long chunkEnd, final long start,
                     final int length) {
        this.memory = memory;
        this.chunkStart = chunkStart;
        this.chunkEnd = chunkEnd;
        this.start = start;
        this.length = length;
    }

    public MemorySegment memory() {
        return memory;
    }

    public long chunkStart() {
        return chunkStart;
    }

    public long chunkEnd() {
        return chunkEnd;
    }

    public long start() {
        return start;
    }

    public int length() {
        return length;
    }

    public long end() {
        return start + length;
    }

    public void set(final long start, final int length) {
        this.start = start;
        this.length = length;
    }

    /** Can the packet grow to [newStart, newEnd) without leaving its chunk? */
    public boolean fits(final long newStart, final long newEnd) {
        return newStart >= chunkStart && newEnd <= chunkEnd;
    }
}
