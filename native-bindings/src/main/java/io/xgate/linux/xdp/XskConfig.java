package io.xgate.linux.xdp;

/**
 * Ring sizes (powers of two; 0 leaves RX or TX out) and bind preferences for an {@link XskSocket}.
 * {@code needWakeup} asks the kernel to say when it needs a syscall, so a busy worker skips most kicks.
 */
public record XskConfig(int rxSize, int txSize, int fillSize, int completionSize, boolean needWakeup,
                        boolean tryZeroCopy) {
    public static final int DEFAULT_RING_SIZE = 2048;

    public XskConfig {
        requireRingSize("rxSize", rxSize, true);
        requireRingSize("txSize", txSize, true);
        requireRingSize("fillSize", fillSize, false);
        requireRingSize("completionSize", completionSize, false);
        if (rxSize == 0 && txSize == 0) {
            throw new IllegalArgumentException("an AF_XDP socket needs an RX or a TX ring");
        }
    }

    public static XskConfig defaults() {
        return new XskConfig(DEFAULT_RING_SIZE, DEFAULT_RING_SIZE, DEFAULT_RING_SIZE, DEFAULT_RING_SIZE, true, true);
    }

    private static void requireRingSize(String name, int size, boolean zeroAllowed) {
        if ((size == 0 && !zeroAllowed) || (size != 0 && Integer.bitCount(size) != 1) || size < 0) {
            throw new IllegalArgumentException(name + " must be a power of two" + (zeroAllowed ? " or 0" : "") + ": " + size);
        }
    }
}
