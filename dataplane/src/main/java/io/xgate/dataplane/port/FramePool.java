package io.xgate.dataplane.port;

/** Free frames of a {@link FrameMemory} as a stack of chunk addresses; single-threaded. */
public final class FramePool {
    private final FrameMemory memory;
    private final long[] free;
    private int top;

    public FramePool(final FrameMemory memory) {
        this.memory = memory;
        this.free = new long[memory.frameCount()];
        for (int i = memory.frameCount() - 1; i >= 0; i--) {
            free[top++] = (long) i * memory.frameSize();
        }
    }

    public FrameMemory memory() {
        return memory;
    }

    /** A free chunk's start address, or -1 when none is left. */
    public long take() {
        return top == 0 ? -1 : free[--top];
    }

    /** Returns the chunk holding {@code address}. */
    public void give(final long address) {
        free[top++] = memory.chunkOf(address);
    }

    public int available() {
        return top;
    }
}
