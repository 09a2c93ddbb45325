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

/**
 * generator → gw-a → WAN → gw-b → sink with two in-process xgate workers, in a namespace the test creates. In
 * ESP mode gw-b's WAN port hands only ESP to its worker, so every frame the sink counts crossed the WAN
 * encrypted and was decrypted. Needs root.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class GatewayPairTrafficTest {
    private static final Duration DRAIN = Duration.ofMillis(300);

    @Test
    void theEspTunnelCarriesEveryFrameOfEverySizeExactlyOnceInOrder() throws Exception {
        try (TrafficDut dut = TrafficDut.open(Duts.XGATE, GatewayPairPath.create(GatewayPairPath.Mode.ESP), 8, false,
                DRAIN, TrialProgress.NONE)) {
            assertClean(dut.runTrial(10_000, FrameSizes.imix(), Duration.ofSeconds(1)));
            assertClean(dut.runTrial(10_000, FrameSizes.fixed(1400), Duration.ofMillis(500)));
        }
    }

    @Test
    void theTunnelCarriesIpv6InsideToo() throws Exception {
        try (TrafficDut dut = TrafficDut.open(Duts.XGATE, GatewayPairPath.create(GatewayPairPath.Mode.ESP), 4, true,
                DRAIN, TrialProgress.NONE)) {
            assertClean(dut.runTrial(5_000, FrameSizes.fixed(128), Duration.ofMillis(500)));
        }
    }

    @Test
    void withTwoWorkersPerGatewayEveryFrameIsHandedOverTwiceAndStillArrivesExactlyOnceInOrder() throws Exception {
        try (TrafficDut dut = TrafficDut.open(Duts.XGATE_2W, GatewayPairPath.create(GatewayPairPath.Mode.ESP, 2), 8,
                false, DRAIN, TrialProgress.NONE)) {
            assertClean(dut.runTrial(10_000, FrameSizes.imix(), Duration.ofSeconds(1)));
        }
    }

    @Test
    void theClearPathForwardsEveryFrameThroughBothGateways() throws Exception {
        try (TrafficDut dut = TrafficDut.open(Duts.XGATE_FORWARD, GatewayPairPath.create(GatewayPairPath.Mode.CLEAR), 8,
                false, DRAIN, TrialProgress.NONE)) {
            assertClean(dut.runTrial(10_000, FrameSizes.fixed(64), Duration.ofMillis(500)));
        }
    }

    static void assertClean(final TrialResult r) {
        assertTrue(r.sent() > 0);
        assertEquals(r.sent(), r.received(), r.toString());
        assertEquals(0, r.lost(), r.toString());
        assertEquals(0, r.reordered(), r.toString());
        assertEquals(0, r.duplicates(), r.toString());
        assertEquals(r.sent(), r.latency().getTotalCount(), "every probe's latency recorded");
    }
}
