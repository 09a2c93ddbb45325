package io.xgate.dataplane.port;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * The frames a worker's ports share (an AF_XDP UMEM, or plain off-heap memory for the in-memory port):
 * {@code frameCount} chunks of {@code frameSize} bytes, a power of two, so a packet's chunk is found by masking
 * its address — the same rule as AF_XDP's aligned mode. {@code headroom} bytes stay free in front of every
 * received packet for the outer headers of encapsulation.
 */
public final class FrameMemory {
    private final MemorySegment segment;
    private final int frameSize;
    private final int frameCount;
    private final int headroom;
    private final long mask;

    public FrameMemory(final MemorySegment segment, final int frameSize, final int frameCount, final int headroom) {
        if (Integer.bitCount(frameSize) != 1 || segment.byteSize() < (long) frameSize * frameCount
                || headroom >= frameSize) {
            throw new IllegalArgumentException("frame size must be a power of two, memory large enough, headroom < size");
        }
        this.segment = segment;
        this.frameSize = frameSize;
        this.frameCount = frameCount;
        this.headroom = headroom;
        this.mask = ~((long) frameSize - 1);
    }

    /** Off-heap frames for tests, the demo and benchmarks. */
    public static FrameMemory allocate(final Arena arena, final int frameSize, final int frameCount,
                                       final int headroom) {
        return new FrameMemory(arena.allocate((long) frameSize * frameCount, 4096), frameSize, frameCount, headroom);
    }

    public MemorySegment segment() {
        return segment;
    }

    public int frameSize() {
        return frameSize;
    }

    public int frameCount() {
        return frameCount;
    }

    public int headroom() {
        return headroom;
    }

    /** Start of the chunk holding {@code address}. */
    public long chunkOf(final long address) {
        return address & mask;
    }
}
