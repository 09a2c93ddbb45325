package io.xgate.dataplane.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReplayWindowTest {
    private static final boolean ESN = true;
    private static final boolean NO_ESN = false;
    private static final boolean ANTI_REPLAY = true;
    private static final boolean NO_ANTI_REPLAY = false;

    /** The inbound path with a good ICV: check, then accept what the check let through. */
    private static void receive(final ReplayWindow window, final long seq) {
        assertEquals(seq, window.check((int) seq), "check of " + Long.toHexString(seq));
        assertTrue(window.accept(seq), "accept of " + Long.toHexString(seq));
    }

    private static void receiveRange(final ReplayWindow window, final long from, final long to) {
        for (long seq = from; seq <= to; seq++) {
            receive(window, seq);
        }
    }

    @Test
    void acceptsInOrder() {
        final ReplayWindow window = new ReplayWindow(64, NO_ESN, ANTI_REPLAY);
        receiveRange(window, 1, 1000);
        assertEquals(1000, window.highest());
        assertEquals(0, window.lost());
    }

    @Test
    void acceptsReorderedWithinWindow() {
        final ReplayWindow window = new ReplayWindow(64, NO_ESN, ANTI_REPLAY);
        receive(window, 70);
        receive(window, 10);
        receive(window, 69);
        receive(window, 7);
        receive(window, 71);
        assertEquals(71, window.highest());
    }

    @Test
    void dropsDuplicateInsideWindow() {
        final ReplayWindow window = new ReplayWindow(64, NO_ESN, ANTI_REPLAY);
        receiveRange(window, 1, 100);
        assertEquals(ReplayWindow.DUPLICATE, window.check(100));
        assertEquals(ReplayWindow.DUPLICATE, window.check(40));
    }

    @Test
    void acceptsExactEdgeAndDropsJustOutside() {
        final ReplayWindow window = new ReplayWindow(64, NO_ESN, ANTI_REPLAY);
        receive(window, 200);
        assertEquals(ReplayWindow.TOO_OLD, window.check(200 - 64));
        receive(window, 200 - 63);
    }

    @Test
    void jumpLargerThanWindowClearsBitmapAndCountsLost() {
        final ReplayWindow window = new ReplayWindow(64, NO_ESN, ANTI_REPLAY);
        receiveRange(window, 1, 10);
        receive(window, 1000);
        // Every bit of the old window is gone, so the previously received numbers are still too old, and
        // the ones just inside the new window read as never received.
        assertEquals(ReplayWindow.TOO_OLD, window.check(10));
        receive(window, 1000 - 63);
        // Lost: never-received numbers in [1, 960 - 64), the words wholly behind the window.
        assertEquals(895 - 10, window.lost());
    }

    @Test
    void slidingOneWordCountsOnlyItsMissingNumbers() {
        final ReplayWindow window = new ReplayWindow(64, NO_ESN, ANTI_REPLAY);
        receiveRange(window, 1, 127);
        receive(window, 130);
        receive(window, 129);
        assertEquals(0, window.lost(), "word 0..63 complete when it left");
        receive(window, 192);
        assertEquals(0, window.lost(), "word 64..127 complete when it left");
        receive(window, 256);
        assertEquals(62, window.lost(), "word 128..191 left with only 129 and 130");
    }

    @Test
    void esnInfersNextHighHalfAcrossTheWrap() {
        final ReplayWindow window = new ReplayWindow(64, ESN, ANTI_REPLAY);
        window.accept(0x1_FFFF_FFF0L); // stands for the traffic that brought the SA here
        assertEquals(0x2_0000_0005L, window.check(0x0000_0005));
        assertTrue(window.accept(0x2_0000_0005L));
        assertEquals(0x1_FFFF_FFF8L, window.check(0xFFFF_FFF8));
        assertTrue(window.accept(0x1_FFFF_FFF8L));
        assertEquals(ReplayWindow.DUPLICATE, window.check(0xFFFF_FFF8));
        assertEquals(0x2_0000_0005L, window.highest());
    }

    @Test
    void esnFirstSubspaceHasNoPredecessor() {
        final ReplayWindow window = new ReplayWindow(64, ESN, ANTI_REPLAY);
        receive(window, 10);
        assertEquals(0xFFFF_FFF0L, window.check(0xFFFF_FFF0));
    }

    @Test
    void esnReadsOlderThanWindowAsNextSubspaceSoTheIcvDropsIt() {
        final ReplayWindow window = new ReplayWindow(64, ESN, ANTI_REPLAY);
        window.accept(0x3_0000_1000L);
        assertEquals(0x4_0000_0F00L, window.check(0x0000_0F00));
    }

    @Test
    void esnAcceptsLowHalfZeroBeyondTheFirstSubspace() {
        final ReplayWindow window = new ReplayWindow(64, ESN, ANTI_REPLAY);
        window.accept(0xFFFF_FFFFL);
        assertEquals(0x1_0000_0000L, window.check(0));
    }

    @Test
    void nonEsnRefusesToWrap() {
        final ReplayWindow window = new ReplayWindow(64, NO_ESN, ANTI_REPLAY);
        receive(window, 0xFFFF_FFF0L);
        assertEquals(ReplayWindow.TOO_OLD, window.check(0x0000_0005));
        receive(window, 0xFFFF_FFFFL);
        assertEquals(ReplayWindow.ZERO, window.check(0));
        assertEquals(ReplayWindow.TOO_OLD, window.check(1));
    }

    @Test
    void forgedHighSequenceDoesNotMoveWindow() {
        final ReplayWindow window = new ReplayWindow(64, NO_ESN, ANTI_REPLAY);
        receiveRange(window, 1, 10);
        assertEquals(0x7000_0000L, window.check(0x7000_0000)); // its ICV fails: never accepted
        assertEquals(10, window.highest());
        assertEquals(ReplayWindow.DUPLICATE, window.check(5));
        receive(window, 11);
        assertEquals(0, window.lost());
    }

    @Test
    void rejectsSequenceZero() {
        final ReplayWindow window = new ReplayWindow(64, NO_ESN, ANTI_REPLAY);
        assertEquals(ReplayWindow.ZERO, window.check(0));
        assertEquals(ReplayWindow.ZERO, new ReplayWindow(64, ESN, ANTI_REPLAY).check(0));
        receive(window, 1);
        assertEquals(ReplayWindow.ZERO, window.check(0));
    }

    @Test
    void acceptRefusesWhatBecameDuplicateAfterItsCheck() {
        final ReplayWindow window = new ReplayWindow(64, NO_ESN, ANTI_REPLAY);
        assertEquals(5, window.check(5));
        assertEquals(5, window.check(5));
        assertTrue(window.accept(5));
        assertFalse(window.accept(5));
        assertEquals(1, window.lateRejects());
    }

    @Test
    void acceptRefusesWhatFellBehindAfterItsCheck() {
        final ReplayWindow window = new ReplayWindow(64, NO_ESN, ANTI_REPLAY);
        assertEquals(5, window.check(5));
        receive(window, 500);
        assertFalse(window.accept(5));
        assertEquals(1, window.lateRejects());
    }

    @Test
    void disabledNeverRejectsButTracksHighest() {
        final ReplayWindow window = new ReplayWindow(64, NO_ESN, NO_ANTI_REPLAY);
        assertEquals(0, window.check(0));
        receive(window, 7);
        receive(window, 7);
        receive(window, 500);
        receive(window, 3);
        assertEquals(500, window.highest());
        assertEquals(0, window.lateRejects());
    }

    @Test
    void disabledStillInfersEsn() {
        final ReplayWindow window = new ReplayWindow(64, ESN, NO_ANTI_REPLAY);
        window.accept(0x1_FFFF_FFF0L);
        assertEquals(0x2_0000_0005L, window.check(0x0000_0005));
        assertTrue(window.accept(0x2_0000_0005L));
        assertEquals(0x1_FFFF_FFF8L, window.check(0xFFFF_FFF8));
        assertEquals(0x2_0000_0005L, window.highest());
    }

    @Test
    void disabledWithoutEsnLetsTheCounterRollOver() {
        final ReplayWindow window = new ReplayWindow(64, NO_ESN, NO_ANTI_REPLAY);
        receive(window, 0xFFFF_FFFFL);
        receive(window, 0);
        receive(window, 1);
        assertEquals(0xFFFF_FFFFL, window.highest());
    }

    @Test
    void esnRefusesToPassTheLargestLong() {
        // Getting here through check alone takes 2^31 jumps, so the test places the window directly.
        final ReplayWindow window = new ReplayWindow(64, ESN, ANTI_REPLAY);
        window.accept(Long.MAX_VALUE - 10);
        assertEquals(Long.MAX_VALUE, window.check((int) Long.MAX_VALUE));
        assertEquals(ReplayWindow.EXHAUSTED, window.check((int) (Long.MAX_VALUE + 1)));
    }

    @ParameterizedTest
    @ValueSource(ints = {64, 4096, 65_536})
    void windowOfEachSizeKeepsExactlySizeNumbers(final int size) {
        final ReplayWindow window = new ReplayWindow(size, NO_ESN, ANTI_REPLAY);
        assertEquals(size, window.size());
        final long top = 3L * size + 17;
        for (long seq = top; seq > top - size; seq -= 2) {
            receive(window, seq);
        }
        assertEquals(ReplayWindow.TOO_OLD, window.check((int) (top - size)));
        assertEquals(top - size + 1, window.check((int) (top - size + 1)));
        assertEquals(ReplayWindow.DUPLICATE, window.check((int) (top - size + 2)));
        for (long seq = top - 1; seq > top - size; seq -= 2) {
            receive(window, seq);
        }
        assertEquals(ReplayWindow.DUPLICATE, window.check((int) (top - size + 1)));
        final long jumped = top + 10L * size;
        receive(window, jumped);
        assertEquals(ReplayWindow.TOO_OLD, window.check((int) top));
        final long lostBelow = (jumped & ~63L) - size;
        assertEquals(lostBelow - 1 - size, window.lost(), "all but the window's worth received below the jump");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 32, 63, 96, 131_072, -64})
    void rejectsSizesOutsidePowersOfTwoFrom64To65536(final int size) {
        assertThrows(IllegalArgumentException.class, () -> new ReplayWindow(size, NO_ESN, ANTI_REPLAY));
    }
}
