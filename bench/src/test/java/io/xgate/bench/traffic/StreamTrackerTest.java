package io.xgate.bench.traffic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class StreamTrackerTest {
    @Test
    void countsLossReorderingAndDuplicatesPerStream() {
        final StreamTracker t = new StreamTracker(2);
        for (final long s : new long[] {0, 1, 3, 2, 2, 5, 4, 4, 6}) {
            t.record(0, s);
        }
        for (final long s : new long[] {0, 1, 2}) {
            t.record(1, s); // in order on its own stream, though stream 0 is far ahead
        }
        assertEquals(7 + 3, t.unique(), "stream 0 lost nothing (0..6), stream 1 got 0..2");
        assertEquals(2, t.reordered(), "2 after 3, 4 after 5");
        assertEquals(2, t.duplicates(), "second 2, second 4");
        assertEquals(0, t.unchecked());
    }

    @Test
    void aFrameOlderThanTheWindowIsReorderedButUnchecked() {
        final StreamTracker t = new StreamTracker(1);
        t.record(0, 0);
        t.record(0, StreamTracker.WINDOW + 10L);
        t.record(0, 0);
        t.record(0, 5);
        assertEquals(2, t.reordered());
        assertEquals(2, t.unchecked(), "both are beyond the window, so neither can be called a duplicate");
        assertEquals(0, t.duplicates());
    }

    @Test
    void bitsOfTheLastWindowAreForgottenAsTheStreamMovesOn() {
        final StreamTracker t = new StreamTracker(1);
        for (long s = 0; s < 3L * StreamTracker.WINDOW; s++) {
            t.record(0, s);
        }
        t.record(0, 3L * StreamTracker.WINDOW - 1);
        t.record(0, 2L * StreamTracker.WINDOW + 1);
        assertEquals(3L * StreamTracker.WINDOW, t.unique());
        assertEquals(2, t.duplicates(), "inside the window, repeats are duplicates however old the slot's previous use");
        assertEquals(0, t.reordered());
    }

    @Test
    void unknownStreamsAreForeign() {
        final StreamTracker t = new StreamTracker(1);
        t.record(3, 0);
        assertEquals(1, t.foreign());
        assertEquals(0, t.unique());
    }
}
