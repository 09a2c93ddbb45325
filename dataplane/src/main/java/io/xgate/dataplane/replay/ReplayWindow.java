package io.xgate.dataplane.replay;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;

/**
 * Inbound anti-replay window of one SA (RFC 4303 §3.4.3), owned by one worker thread: plain fields, no
 * allocation after construction, no locks, no exceptions on the packet path.
 *
 * <p>Used in two steps so that a forged packet cannot move the window: {@link #check(int)} before the
 * packet is opened, {@link #accept(long)} only once its ICV verified.
 *
 * <p>The bitmap is RFC 6479's ring of 64-bit words: {@code size / 64 + 1} words, the extra one letting the
 * window slide by clearing whole words instead of shifting bits. Sequence numbers are 64-bit (ESN) values
 * held in a {@code long}; 0 is never sent (RFC 4303 §3.3.3) and values past {@link Long#MAX_VALUE} cannot be
 * represented, which an SA never reaches (2^63 packets at 100 Mpps take millennia).
 */
public final class ReplayWindow {
    /** Non-ESN only: the sequence number is at or below {@code highest() - size()}. */
    public static final long TOO_OLD = -1;
    /** The sequence number was already accepted. */
    public static final long DUPLICATE = -2;
    /** Sequence number 0, which no anti-replay sender transmits. */
    public static final long ZERO = -3;
    /** ESN only: the inferred value would pass {@link Long#MAX_VALUE}. */
    public static final long EXHAUSTED = -4;

    public static final int MIN_SIZE = 64;
    public static final int MAX_SIZE = 65_536;

    private static final VarHandle HIGHEST;

    static {
        try {
            HIGHEST = MethodHandles.lookup().findVarHandle(ReplayWindow.class, "highest", long.class);
        } catch (final ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static final int WORD_SHIFT = 6;
    private static final long LOW_HALF = 0xFFFF_FFFFL;

    private final int size;
    private final boolean esn;
    private final boolean antiReplay;
    private final long[] words;

    private long highest;
    /** Ring slot of the word holding {@link #highest}; slots are addressed relative to it. */
    private int topSlot;
    private long lost;
    private long lateRejects;

    /**
     * @param size       packets accepted at and behind the highest one; a power of two in [64, 65536]
     * @param esn        whether the SA uses 64-bit extended sequence numbers (only the low half is on the wire)
     * @param antiReplay false when the tunnel is configured {@code anti-replay: false}: nothing is rejected,
     *                   not even 0, since RFC 4303 §3.3.3 lets such a sender roll its counter over through 0
     *                   and §3.4.3 performs no inbound checks; ESN inference and the highest still work
     */
    public ReplayWindow(final int size, final boolean esn, final boolean antiReplay) {
        if (size < MIN_SIZE || size > MAX_SIZE || Integer.bitCount(size) != 1) {
            throw new IllegalArgumentException(
                "replay window size must be a power of two in [" + MIN_SIZE + ", " + MAX_SIZE + "]: " + size);
        }
        this.size = size;
        this.esn = esn;
        this.antiReplay = antiReplay;
        this.words = new long[(size >>> WORD_SHIFT) + 1];
        // The other slots stand for words before sequence 0, and bit 0 for sequence 0 itself: none of them
        // can ever be received, so marking them received keeps them out of the lost count.
        Arrays.fill(words, -1L);
        words[0] = 1L;
    }

    /**
     * Pre-check before the packet is opened; changes nothing.
     *
     * @param seqLow the 32-bit sequence number field from the wire
     * @return the full sequence number (its high half is the ESN high half for the ICV), or a negative code:
     *         {@link #TOO_OLD}, {@link #DUPLICATE}, {@link #ZERO}, {@link #EXHAUSTED}. With ESN, a packet
     *         older than the window is read as the next 2^32 subspace (RFC 4303 A2.2), so it comes back as a
     *         value far ahead and is dropped by the ICV check instead of as {@link #TOO_OLD}.
     */
    public long check(final int seqLow) {
        final long seq = esn ? inferEsn(seqLow) : Integer.toUnsignedLong(seqLow);
        if (seq > highest || !antiReplay) {
            return seq;
        }
        if (seq <= 0) {
            return seq == 0 ? ZERO : seq;
        }
        if (highest - seq >= size) {
            return TOO_OLD;
        }
        return isReceived(seq) ? DUPLICATE : seq;
    }

    /**
     * Records a packet whose ICV verified, sliding the window when it is the new highest.
     *
     * @param seq a non-negative value returned by {@link #check(int)} for this packet
     * @return false, counted in {@link #lateRejects()}, when with anti-replay on the sequence number was
     *         accepted or fell behind the window since it was checked; the packet must then be dropped
     */
    public boolean accept(final long seq) {
        if (seq > highest) {
            slideTo(seq);
        } else if (highest - seq >= size || isReceived(seq)) {
            if (antiReplay) {
                lateRejects++;
                return false;
            }
            return true;
        }
        words[slotOf(seq)] |= 1L << seq;
        return true;
    }

    /** {@link #highest()} read from another thread ({@code show vpn ipsec-sa}): opaque, never torn. */
    public long highestFromAnotherThread() {
        return (long) HIGHEST.getOpaque(this);
    }

    /** The highest sequence number accepted, 0 before the first. */
    public long highest() {
        return highest;
    }

    /** The configured window size in packets. */
    public int size() {
        return size;
    }

    /**
     * Sequence numbers that fell behind the window without having been accepted while inside it. A number
     * is counted once its whole 64-packet word has left the ring, so the count trails the window's bottom
     * by less than a word: it covers exactly the numbers in [1, (highest() & ~63) - size()).
     */
    public long lost() {
        return lost;
    }

    /** {@link #accept(long)} calls refused because the number became a duplicate or too old after its check. */
    public long lateRejects() {
        return lateRejects;
    }

    /**
     * RFC 4303 A2.2: the value congruent to seqLow in [bottom, bottom + 2^32), bottom being the window's
     * lowest number. This one formula covers both of the RFC's cases (window inside one 2^32 subspace, or
     * across two), and clamping bottom at 0 stands for "there is no subspace below the first".
     */
    private long inferEsn(final int seqLow) {
        final long bottom = Math.max(0, highest - size + 1);
        final long seq = bottom + ((seqLow - bottom) & LOW_HALF);
        return seq < 0 ? EXHAUSTED : seq;
    }

    private boolean isReceived(final long seq) {
        return (words[slotOf(seq)] & (1L << seq)) != 0;
    }

    /** Only for seq in the ring, i.e. less than a window behind {@link #highest}. */
    private int slotOf(final long seq) {
        final int wordsBack = (int) ((highest >>> WORD_SHIFT) - (seq >>> WORD_SHIFT));
        final int slot = topSlot - wordsBack;
        return slot < 0 ? slot + words.length : slot;
    }

    private void slideTo(final long seq) {
        final long wordsAhead = (seq >>> WORD_SHIFT) - (highest >>> WORD_SHIFT);
        // The oldest word sits in the slot after the top one; each step reuses it for the next new word.
        // Past a full ring every slot is reused once, and the words jumped over entirely are all lost.
        final long reused = Math.min(wordsAhead, words.length);
        for (long i = 0; i < reused; i++) {
            topSlot = topSlot + 1 == words.length ? 0 : topSlot + 1;
            lost += Long.SIZE - Long.bitCount(words[topSlot]);
            words[topSlot] = 0;
        }
        lost += (wordsAhead - reused) * Long.SIZE;
        highest = seq;
    }
}
