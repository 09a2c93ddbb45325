package io.xgate.dataplane.replay;

import java.util.HashSet;
import java.util.Set;

/** The anti-replay rule stated as plainly as possible, for {@link ReplayWindow} to be compared against. */
final class ReferenceWindow {
    private final int size;
    private final boolean antiReplay;
    private final Set<Long> acceptedInWindow = new HashSet<>();
    private long highest;

    ReferenceWindow(final int size, final boolean antiReplay) {
        this.size = size;
        this.antiReplay = antiReplay;
    }

    /** What {@link ReplayWindow#check(int)} must answer when it knows the full sequence number. */
    long verdict(final long seq) {
        if (!antiReplay) {
            return seq;
        }
        if (seq == 0) {
            return ReplayWindow.ZERO;
        }
        if (seq <= highest - size) {
            return ReplayWindow.TOO_OLD;
        }
        return acceptedInWindow.contains(seq) ? ReplayWindow.DUPLICATE : seq;
    }

    void accept(final long seq) {
        if (seq > highest - size) {
            acceptedInWindow.add(seq);
        }
        highest = Math.max(highest, seq);
    }

    long highest() {
        return highest;
    }

    /** Never-accepted numbers whose whole 64-packet word is behind the window: [1, (highest & ~63) - size). */
    long lost() {
        final long end = (highest & ~63L) - size;
        if (end <= 1) {
            return 0;
        }
        final long acceptedBelow = acceptedInWindow.stream().filter(seq -> seq >= 1 && seq < end).count();
        return end - 1 - acceptedBelow;
    }
}
