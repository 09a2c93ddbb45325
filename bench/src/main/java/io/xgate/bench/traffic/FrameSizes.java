package io.xgate.bench.traffic;

import java.util.Arrays;

/**
 * The frame sizes a trial sends, as a cycle the generator walks through: one size, or IMIX 7:4:1 of 64, 570
 * and 1518 bytes. Sizes count the Ethernet FCS as RFC 2544 does, so the bytes handed to the socket are four
 * fewer ({@link #wireBytes}); the NIC (or veth, which has no FCS) accounts for the rest.
 */
public final class FrameSizes {
    public static final int FCS = 4;
    public static final int MAX = 1518;
    /** 7 × 64, 4 × 570, 1 × 1518, interleaved so no size comes in a burst. */
    private static final int[] IMIX = {64, 570, 64, 64, 570, 64, 1518, 64, 570, 64, 64, 570};

    private final String label;
    private final int[] cycle;

    private FrameSizes(final String label, final int[] cycle) {
        this.label = label;
        this.cycle = cycle;
    }

    public static FrameSizes fixed(final int size) {
        if (size > MAX) {
            throw new IllegalArgumentException("frame size above " + MAX + ": " + size);
        }
        return new FrameSizes(Integer.toString(size), new int[] {size});
    }

    public static FrameSizes imix() {
        return new FrameSizes("imix", IMIX.clone());
    }

    /** "imix" or a number of bytes. */
    public static FrameSizes parse(final String text) {
        if ("imix".equalsIgnoreCase(text)) {
            return imix();
        }
        try {
            return fixed(Integer.parseInt(text));
        } catch (final NumberFormatException e) {
            throw new IllegalArgumentException("frame size must be a number of bytes or imix: " + text);
        }
    }

    public String label() {
        return label;
    }

    public int cycleLength() {
        return cycle.length;
    }

    /** The size of the {@code i}-th frame of the cycle, FCS included. */
    public int size(final int i) {
        return cycle[i];
    }

    public int smallest() {
        return Arrays.stream(cycle).min().orElseThrow();
    }

    public double meanSize() {
        return Arrays.stream(cycle).average().orElseThrow();
    }

    public static int wireBytes(final int size) {
        return size - FCS;
    }

    @Override
    public String toString() {
        return label;
    }
}
