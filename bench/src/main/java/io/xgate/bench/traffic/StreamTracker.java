package io.xgate.bench.traffic;

import java.util.Arrays;

/**
 * Per-stream sequence accounting at the sink. A frame whose sequence number is below the highest seen on its
 * stream counts as reordered; a bitmap over the last {@link #WINDOW} sequence numbers of each stream tells a
 * duplicate from a late first arrival. Older than the window, a frame still counts as reordered but cannot be
 * checked for duplication ({@link #unchecked()}). Loss is what the generator sent minus {@link #unique()}.
 */
public final class StreamTracker {
    public static final int WINDOW = 4096;
    private static final int WORDS = WINDOW / Long.SIZE;

    private final int streams;
    private final long[] highest;
    private final long[] seen;
    private long unique;
    private long duplicates;
    private long reordered;
    private long unchecked;
    private long foreign;

    public StreamTracker(final int streams) {
        this.streams = streams;
        this.highest = new long[streams];
        this.seen = new long[streams * WORDS];
        reset();
    }

    public void reset() {
        Arrays.fill(highest, -1);
        Arrays.fill(seen, 0);
        unique = 0;
        duplicates = 0;
        reordered = 0;
        unchecked = 0;
        foreign = 0;
    }

    public void record(final int stream, final long sequence) {
        if (stream >= streams || sequence < 0) {
            foreign++;
            return;
        }
        final long top = highest[stream];
        final int base = stream * WORDS;
        if (sequence > top) {
            if (sequence - top >= WINDOW) {
                Arrays.fill(seen, base, base + WORDS, 0);
            } else {
                for (long s = top + 1; s < sequence; s++) {
                    clear(base, s); // bits of numbers not seen yet still hold those a window older
                }
            }
            set(base, sequence);
            highest[stream] = sequence;
            unique++;
        } else if (top - sequence >= WINDOW) {
            reordered++;
            unchecked++;
            unique++;
        } else if (isSet(base, sequence)) {
            duplicates++;
        } else {
            set(base, sequence);
            reordered++;
            unique++;
        }
    }

    private void set(final int base, final long sequence) {
        seen[base + (int) ((sequence >>> 6) & (WORDS - 1))] |= 1L << sequence;
    }

    private void clear(final int base, final long sequence) {
        seen[base + (int) ((sequence >>> 6) & (WORDS - 1))] &= ~(1L << sequence);
    }

    private boolean isSet(final int base, final long sequence) {
        return (seen[base + (int) ((sequence >>> 6) & (WORDS - 1))] & (1L << sequence)) != 0;
    }

    /** Frames seen for the first time. */
    public long unique() {
        return unique;
    }

    public long duplicates() {
        return duplicates;
    }

    public long reordered() {
        return reordered;
    }

    /** Reordered frames older than the window, whose duplication could not be checked. */
    public long unchecked() {
        return unchecked;
    }

    /** Probe frames with a stream id this trial does not send. */
    public long foreign() {
        return foreign;
    }
}
