package io.xgate.bench.dut;

import io.xgate.bench.traffic.TrafficProfile;
import io.xgate.linux.netlink.MacAddress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** Generator and sink on the two ends of one veth: no DUT at all, which measures the tester's own ceiling. */
public final class LoopbackPath implements TrafficPath {
    static final String GENERATOR_MAC = "02:78:62:00:00:01";
    static final String SINK_MAC = "02:78:62:00:00:02";

    private final BenchNetwork network;

    private LoopbackPath(final BenchNetwork network) {
        this.network = network;
    }

    public static LoopbackPath create() throws IOException {
        final BenchNetwork network = BenchNetwork.create();
        try {
            network.addVethPair(GENERATOR_DEVICE, GENERATOR_MAC, SINK_DEVICE, SINK_MAC);
            return new LoopbackPath(network);
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
    public TrafficProfile profile(final int flows, final boolean ipv6) {
        return TrafficPath.profile(MacAddress.parse(GENERATOR_MAC).value(), MacAddress.parse(SINK_MAC).value(), flows, ipv6);
    }

    @Override
    public void close() {
        try {
            network.close();
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
