package io.xgate.dataplane.worker;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HandoffRingTest {
    private record Taken(int entry, int port, int virtualRouter, byte[] bytes) {
    }

    private final List<Taken> taken = new ArrayList<>();
    private final HandoffRing.Receiver receiver = new HandoffRing.Receiver() {
        @Override
        protected void onPacket(final int entry, final int port, final int virtualRouter, final MemorySegment packet,
                                final long offset, final int length) {
            taken.add(new Taken(entry, port, virtualRouter,
                    packet.asSlice(offset, length).toArray(ValueLayout.JAVA_BYTE)));
        }
    };

    /** {@code length} bytes at offset 100 of a frame-like segment, each its own index plus {@code seed}. */
    private static MemorySegment frame(final int seed, final int length) {
        final byte[] bytes = new byte[100 + length];
        for (int i = 0; i < length; i++) {
            bytes[100 + i] = (byte) (seed + i);
        }
        return MemorySegment.ofArray(bytes);
    }

    @Test
    void packetsArriveInOrderWithTheirBytesPortAndEntryIntact() {
        final HandoffRing ring = new HandoffRing(64 * 1024);
        assertTrue(ring.offer(HandoffRing.ROUTE, 1, 3, frame(7, 1400), 100, 1400));
        assertTrue(ring.offer(HandoffRing.INGRESS, 0, 0, frame(9, 60), 100, 60));
        assertEquals(2, ring.drain(receiver, 16));
        assertEquals(HandoffRing.ROUTE, taken.get(0).entry());
        assertEquals(1, taken.get(0).port());
        assertEquals(3, taken.get(0).virtualRouter());
        assertArrayEquals(frame(7, 1400).asSlice(100).toArray(ValueLayout.JAVA_BYTE), taken.get(0).bytes());
        assertEquals(HandoffRing.INGRESS, taken.get(1).entry());
        assertArrayEquals(frame(9, 60).asSlice(100).toArray(ValueLayout.JAVA_BYTE), taken.get(1).bytes());
        assertEquals(0, ring.drain(receiver, 16));
    }

    @Test
    void aFullRingRefusesAtOnceAndTakesAgainOnceDrained() {
        final HandoffRing ring = new HandoffRing(4096);
        int accepted = 0;
        while (ring.offer(HandoffRing.INGRESS, 0, 0, frame(accepted, 200), 100, 200)) {
            accepted++;
        }
        assertTrue(accepted > 0 && accepted < 4096 / 200 + 1, "accepted " + accepted);
        assertEquals(accepted, ring.drain(receiver, 1000));
        for (int i = 0; i < accepted; i++) {
            assertArrayEquals(frame(i, 200).asSlice(100).toArray(ValueLayout.JAVA_BYTE), taken.get(i).bytes());
        }
        assertTrue(ring.offer(HandoffRing.INGRESS, 0, 0, frame(1, 200), 100, 200));
    }

    @Test
    void aPacketLargerThanTheRingTakesIsRefused() {
        final HandoffRing ring = new HandoffRing(4096);
        assertFalse(ring.offer(HandoffRing.INGRESS, 0, 0, frame(0, 1400), 100, 1400));
        assertEquals(0, ring.drain(receiver, 16));
    }
}
