package io.xgate.dataplane.port;

/** Up to {@link #CAPACITY} frame descriptors (offset into the frame memory, length), reused every batch. */
public final class FrameBatch {
    public static final int CAPACITY = 64;

    private final long[] addresses = new long[CAPACITY];
    private final int[] lengths = new int[CAPACITY];
    private int size;

    public int size() {
        return size;
    }

    public boolean isFull() {
        return size == CAPACITY;
    }

    public long address(final int i) {
        return addresses[i];
    }

    public int length(final int i) {
        return lengths[i];
    }

    /** Appends a descriptor; the caller checked {@link #isFull()}. */
    public void add(final long address, final int length) {
        addresses[size] = address;
        lengths[size] = length;
        size++;
    }

    public void clear() {
        size = 0;
    }
}
