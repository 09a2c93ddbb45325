package io.xgate.dataplane.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

class ReplayWindowAllocationTest {
    private static final int PACKETS = 100_000;
    /** Room for the measuring calls themselves, far below one allocation per packet. */
    private static final long SLACK_BYTES = 1024;

    @Test
    void checkAndAcceptAllocateNothingAfterConstruction() {
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        final ReplayWindow window = new ReplayWindow(1024, true, true);
        window.accept(0xFFFE_FFFFL); // so the ESN high half rolls over during the run
        long delivered = 0;
        long duplicates = 0;

        final long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < PACKETS; i++) {
            // Neighbours swapped, every thirteenth packet sent twice, and every thousand packets a jump
            // past the whole window.
            final long sent = 0xFFFF_0000L + (i ^ 1) + (i / 1000) * 5000L;
            final long seq = window.check((int) sent);
            if (seq >= 0 && window.accept(seq)) {
                delivered++;
            }
            if (i % 13 == 0 && window.check((int) sent) == ReplayWindow.DUPLICATE) {
                duplicates++;
            }
        }
        final long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        assertEquals(PACKETS, delivered);
        assertTrue(duplicates > PACKETS / 14, "duplicates caught: " + duplicates);
        assertTrue(window.highest() > 1L << 32, "crossed an ESN wrap");
        assertTrue(allocated < SLACK_BYTES, "allocated " + allocated + " bytes over " + PACKETS + " packets");
    }
}
