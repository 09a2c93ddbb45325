package io.xgate.bench.dut;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.xgate.bench.traffic.FrameSizes;
import io.xgate.bench.traffic.TrialProgress;
import io.xgate.bench.traffic.TrialResult;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Generator and sink on the two ends of one veth, in a namespace the test creates. Needs root. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LoopbackTrafficTest {
    private static final Duration DRAIN = Duration.ofMillis(300);

    @Test
    void theSinkCountsExactlyTheFramesSentOnACleanPath() throws Exception {
        try (TrafficDut dut = TrafficDut.open("loopback", LoopbackPath.create(), 8, false, DRAIN, TrialProgress.NONE)) {
            final TrialResult r = dut.runTrial(20_000, FrameSizes.imix(), Duration.ofSeconds(1));
            assertClean(r);
            assertEquals(r.sent(), r.latency().getTotalCount(), "every probe's latency recorded");
            assertTrue(r.latency().getMaxValue() < Duration.ofSeconds(1).toNanos(), "latency " + r.latency().getMaxValue());
        }
    }

    @Test
    void ipv6FramesWithTheirUdpChecksumArriveAsWell() throws Exception {
        try (TrafficDut dut = TrafficDut.open("loopback", LoopbackPath.create(), 4, true, DRAIN, TrialProgress.NONE)) {
            assertClean(dut.runTrial(10_000, FrameSizes.fixed(128), Duration.ofMillis(500)));
        }
    }

    /** The one timing test the issue asks for: 20 kpps for 2 s is far below what the generator sustains here. */
    @Test
    void pacingHoldsTheTargetRateWithinFivePercent() throws Exception {
        try (TrafficDut dut = TrafficDut.open("loopback", LoopbackPath.create(), 1, false, DRAIN, TrialProgress.NONE)) {
            final TrialResult r = dut.runTrial(20_000, FrameSizes.fixed(64), Duration.ofSeconds(2));
            assertEquals(40_000, r.sent(), 40_000 * 0.05, "frames sent in 2 s at 20 kpps");
            assertClean(r);
        }
    }

    private static void assertClean(final TrialResult r) {
        assertTrue(r.sent() > 0);
        assertEquals(r.sent(), r.received(), r.toString());
        assertEquals(0, r.lost());
        assertEquals(0, r.reordered());
        assertEquals(0, r.duplicates());
    }
}
