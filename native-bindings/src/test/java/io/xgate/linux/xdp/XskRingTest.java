package io.xgate.linux.xdp;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import org.junit.jupiter.api.Test;

/**
 * The rings over ordinary memory, with the test playing the kernel's side, starting the free-running
 * u32 indexes just below the wrap so every batch crosses 2^32.
 */
class XskRingTest {
    private static final RingOffsets OFFSETS = new RingOffsets(0, 64, 256, 128);
    private static final int SIZE = 8;
    private static final int NEAR_WRAP = -3;

    @Test
    void producerGrantsOnlyFreeSlotsAndPublishesAcrossTheWrap() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment mapping = ringMemory(arena, FillRing.ENTRY_SIZE);
            FillRing fill = new FillRing(mapping, OFFSETS, SIZE);

            assertEquals(SIZE, fill.reserve(SIZE + 4), "never more than the ring holds");
            for (int i = 0; i < SIZE; i++) {
                fill.setAddress(i, 4096L * i);
            }
            fill.submit(SIZE);
            assertEquals(NEAR_WRAP + SIZE, mapping.get(JAVA_INT, OFFSETS.producer()));
            assertEquals(0, fill.reserve(1), "full until the kernel consumes");

            mapping.set(JAVA_INT, OFFSETS.consumer(), NEAR_WRAP + 5);   // kernel took 5
            assertEquals(5, fill.reserve(6));
            fill.setAddress(0, 0xabc000L);
            fill.submit(1);
            long slotOfNinth = OFFSETS.desc() + (long) ((NEAR_WRAP + SIZE) & (SIZE - 1)) * FillRing.ENTRY_SIZE;
            assertEquals(0xabc000L, mapping.get(JAVA_LONG, slotOfNinth));
        }
    }

    @Test
    void consumerSeesOnlyPublishedEntriesAndReleasesThem() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment mapping = ringMemory(arena, XdpDescriptor.SIZE);
            RxRing rx = new RxRing(mapping, OFFSETS, SIZE);
            assertEquals(0, rx.peek(4));

            for (int i = 0; i < 5; i++) {  // kernel writes five descriptors, then publishes
                long entry = OFFSETS.desc() + (long) ((NEAR_WRAP + i) & (SIZE - 1)) * XdpDescriptor.SIZE;
                mapping.set(JAVA_LONG, entry, 256L + 2048L * i);
                mapping.set(JAVA_INT, entry + XdpDescriptor.LEN, 60 + i);
            }
            mapping.set(JAVA_INT, OFFSETS.producer(), NEAR_WRAP + 5);

            assertEquals(4, rx.peek(4));
            assertEquals(256L + 2048L * 3, rx.address(3));
            assertEquals(63, rx.length(3));
            rx.release(4);
            assertEquals(NEAR_WRAP + 4, mapping.get(JAVA_INT, OFFSETS.consumer()));
            assertEquals(1, rx.peek(4));
            assertEquals(64, rx.length(0), "positions are relative to the consumer index");
        }
    }

    @Test
    void needsWakeupFollowsTheFlagsWord() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment mapping = ringMemory(arena, XdpDescriptor.SIZE);
            TxRing tx = new TxRing(mapping, OFFSETS, SIZE);
            assertFalse(tx.needsWakeup());
            mapping.set(JAVA_INT, OFFSETS.flags(), 1);
            assertTrue(tx.needsWakeup());
        }
    }

    private static MemorySegment ringMemory(Arena arena, int entrySize) {
        MemorySegment mapping = arena.allocate(XskRing.mappingLength(OFFSETS, SIZE, entrySize), 64);
        mapping.set(JAVA_INT, OFFSETS.producer(), NEAR_WRAP);
        mapping.set(JAVA_INT, OFFSETS.consumer(), NEAR_WRAP);
        return mapping;
    }
}
