package io.xgate.linux.xdp;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import io.xgate.linux.sys.Libc;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * The packet memory shared with the kernel: {@code frameCount} frames of {@code frameSize} bytes in one
 * page-aligned anonymous mapping. Addresses in ring descriptors are byte offsets into {@link #area()}.
 * {@code headroom} bytes at the start of every frame stay free on receive, so the data plane can prepend
 * outer headers in place. Close it only after every socket using it is closed.
 */
public final class Umem implements AutoCloseable {
    // struct xdp_umem_reg { u64 addr; u64 len; u32 chunk_size; u32 headroom; u32 flags; u32 tx_metadata_len; }
    private static final int UMEM_REG_SIZE = 32;
    private static final int REG_ADDR = 0;
    private static final int REG_LEN = 8;
    private static final int REG_CHUNK_SIZE = 16;
    private static final int REG_HEADROOM = 20;
    private static final int MIN_FRAME_SIZE = 2048;

    private final MemorySegment mapping;
    private final MemorySegment area;
    private final int frameCount;
    private final int frameSize;
    private final int headroom;
    private boolean closed;

    private Umem(MemorySegment mapping, int frameCount, int frameSize, int headroom) {
        this.mapping = mapping;
        this.area = mapping.asSlice(0, (long) frameCount * frameSize);
        this.frameCount = frameCount;
        this.frameSize = frameSize;
        this.headroom = headroom;
    }

    /** Frame size must be a power of two in [2048, 4096] (the kernel's aligned-chunk mode). */
    public static Umem allocate(int frameCount, int frameSize, int headroom) {
        if (frameCount <= 0) {
            throw new IllegalArgumentException("frameCount must be positive: " + frameCount);
        }
        if (Integer.bitCount(frameSize) != 1 || frameSize < MIN_FRAME_SIZE || frameSize > Libc.PAGE_SIZE) {
            throw new IllegalArgumentException("frameSize must be a power of two in [2048, 4096]: " + frameSize);
        }
        if (headroom < 0 || headroom >= frameSize / 2) {
            throw new IllegalArgumentException("headroom must be in [0, frameSize/2): " + headroom);
        }
        long length = (long) frameCount * frameSize;
        long pageAligned = (length + Libc.PAGE_SIZE - 1) & -Libc.PAGE_SIZE;
        MemorySegment mapping = Libc.mmap(pageAligned, Libc.PROT_READ | Libc.PROT_WRITE,
                Libc.MAP_PRIVATE | Libc.MAP_ANONYMOUS | Libc.MAP_POPULATE, -1, 0);
        return new Umem(mapping, frameCount, frameSize, headroom);
    }

    public MemorySegment area() {
        return area;
    }

    public int frameCount() {
        return frameCount;
    }

    public int frameSize() {
        return frameSize;
    }

    public int headroom() {
        return headroom;
    }

    /** UMEM address of the start of frame {@code index}, the value the fill ring takes. */
    public long frameAddress(int index) {
        return (long) index * frameSize;
    }

    /** XDP_UMEM_REG on the socket that owns this UMEM. */
    void registerOn(int fd) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment reg = arena.allocate(UMEM_REG_SIZE, 8); // zeroed: flags and tx_metadata_len stay 0
            reg.set(JAVA_LONG, REG_ADDR, area.address());
            reg.set(JAVA_LONG, REG_LEN, area.byteSize());
            reg.set(JAVA_INT, REG_CHUNK_SIZE, frameSize);
            reg.set(JAVA_INT, REG_HEADROOM, headroom);
            Libc.setsockopt(fd, XdpSocketOptions.SOL_XDP, XdpSocketOptions.XDP_UMEM_REG, reg);
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            Libc.munmap(mapping);
        }
    }
}
