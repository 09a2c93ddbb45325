package io.xgate.bench.dut;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.xgate.bench.traffic.FrameSizes;
import io.xgate.bench.traffic.TrafficProfile;
import io.xgate.bench.traffic.TrialProgress;
import io.xgate.bench.traffic.TrialResult;
import io.xgate.linux.netlink.MacAddress;
import io.xgate.linux.sys.NetworkNamespace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** generator → veth → {@link ImpairingForwarder} → veth → sink: the sink reports the induced damage exactly. Needs root. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ImpairedPathTest {
    @Test
    void inducedLossAndReorderingAreReportedExactly() throws Exception {
        final ImpairedPath path = ImpairedPath.create(50, 7);
        final TrialResult r;
        try (TrafficDut dut = TrafficDut.open("impaired", path, 1, false, Duration.ofMillis(300), TrialProgress.NONE)) {
            r = dut.runTrial(10_000, FrameSizes.fixed(64), Duration.ofSeconds(1));
        }
        final ImpairingForwarder forwarder = path.forwarder;
        assertTrue(forwarder.dropped() > 100 && forwarder.swapped() > 1000, forwarder.dropped() + " / " + forwarder.swapped());
        assertEquals(forwarder.dropped(), r.lost(), r.toString());
        assertEquals(forwarder.swapped(), r.reordered(), r.toString());
        assertEquals(0, r.duplicates());
        assertEquals(0, r.sinkDrops());
    }

    /** Two veth pairs in a namespace with the forwarder between them; closing stops it and removes it all. */
    private static final class ImpairedPath implements TrafficPath {
        private final BenchNetwork network;
        private final ImpairingForwarder forwarder;

        private ImpairedPath(final BenchNetwork network, final ImpairingForwarder forwarder) {
            this.network = network;
            this.forwarder = forwarder;
        }

        static ImpairedPath create(final int dropEvery, final int swapEvery) throws IOException {
            final BenchNetwork network = BenchNetwork.create();
            try {
                network.addVethPair("gen0", "02:78:62:00:03:01", "fwdin0", "02:78:62:00:03:02");
                network.addVethPair("fwdout0", "02:78:62:00:04:01", "sink0", "02:78:62:00:04:02");
                try (NetworkNamespace inside = network.enter()) {
                    return new ImpairedPath(network, new ImpairingForwarder("fwdin0", "fwdout0", dropEvery, swapEvery));
                }
            } catch (final IOException | RuntimeException e) {
                network.close();
                throw e;
            }
        }

        @Override
        public Path namespace() {
            return network.path();
        }

        @Override
        public String generatorDevice() {
            return "gen0";
        }

        @Override
        public String sinkDevice() {
            return "sink0";
        }

        @Override
        public TrafficProfile profile(final int flows, final boolean ipv6) {
            return TrafficPath.profile(MacAddress.parse("02:78:62:00:03:01").value(),
                    MacAddress.parse("02:78:62:00:04:02").value(), flows, ipv6);
        }

        @Override
        public void close() {
            try {
                forwarder.close();
                network.close();
            } catch (final IOException e) {
                throw new UncheckedIOException(e);
            } catch (final InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
