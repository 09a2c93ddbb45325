package io.xgate.bench.dut;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.xgate.bench.traffic.FrameSizes;
import io.xgate.bench.traffic.TrialProgress;
import io.xgate.bench.traffic.TrialResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The DUTs the bench does not forward with itself: two strongSwan charons over an IKEv2 tunnel, and an external
 * command ({@code scripts/bench-dut-kernel}: Linux forwarding) set up through the command contract. Each is
 * checked to carry low-rate traffic and to leave no namespace behind. Needs root and strongSwan.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class ExternalDutTest {
    private static final Duration DRAIN = Duration.ofMillis(500);
    private static final Path KERNEL_DUT = Path.of("..", "scripts", "bench-dut-kernel").toAbsolutePath().normalize();

    @Test
    void strongswanBringsUpItsTunnelAndCarriesTraffic() throws Exception {
        final StrongswanPath path = StrongswanPath.create();
        final Path namespace = path.namespace();
        try (TrafficDut dut = TrafficDut.open(Duts.STRONGSWAN, path, 4, false, DRAIN, TrialProgress.NONE)) {
            final TrialResult r = dut.runTrial(2_000, FrameSizes.fixed(64), Duration.ofSeconds(1));
            assertTrue(r.sent() > 0);
            assertEquals(r.sent(), r.received(), r.toString());
            assertEquals(0, r.duplicates());
        }
        assertFalse(Files.exists(namespace), "namespace removed");
    }

    @Test
    void strongswanCannotCarryFullSizeFramesWholeAndTheSinkCountsTheirFragmentsAsLost() throws Exception {
        try (TrafficDut dut = TrafficDut.open(Duts.STRONGSWAN, StrongswanPath.create(), 1, false, DRAIN,
                TrialProgress.NONE)) {
            final TrialResult r = dut.runTrial(500, FrameSizes.fixed(1518), Duration.ofMillis(500));
            assertTrue(r.sent() > 0);
            assertEquals(r.sent(), r.lost(), r.toString());
        }
    }

    @Test
    void anExternalCommandSetsUpThePathAndTearsItDown() throws Exception {
        final CommandPath path = CommandPath.create(KERNEL_DUT.toString());
        final Path namespace = path.namespace();
        final Path commandsNamespace = Path.of(namespace + "-fwd");
        try (TrafficDut dut = TrafficDut.open(Duts.COMMAND_PREFIX + KERNEL_DUT, path, 4, false, DRAIN,
                TrialProgress.NONE)) {
            assertTrue(Files.exists(commandsNamespace), "the command's own namespace");
            GatewayPairTrafficTest.assertClean(dut.runTrial(5_000, FrameSizes.fixed(64), Duration.ofMillis(500)));
        }
        assertFalse(Files.exists(commandsNamespace), "down removed what up made");
        assertFalse(Files.exists(namespace), "the bench removed its namespace");
    }
}
