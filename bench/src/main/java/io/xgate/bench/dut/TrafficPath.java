package io.xgate.bench.dut;

import io.xgate.bench.traffic.TrafficProfile;
import io.xgate.dataplane.packet.IpAddress;
import java.nio.file.Path;

/**
 * The network between the generator's device and the sink's device, with whatever forwards in between:
 * nothing ({@link LoopbackPath}), two xgate gateways with or without ESP ({@link GatewayPairPath}), two strongSwan
 * gateways ({@link StrongswanPath}), an external command's devices ({@link CommandPath}), or the running
 * {@code scripts/lab} ({@link LabPath}). It tells the generator which MAC to send to, and
 * owns (and on close removes) everything it set up.
 */
public interface TrafficPath extends AutoCloseable {
    /** Benchmarking addresses (RFC 2544's 198.18.0.0/15, RFC 3849's 2001:db8::/32): senders and receiver. */
    IpAddress GENERATOR_V4 = IpAddress.parse("198.18.0.1");
    IpAddress SINK_V4 = IpAddress.parse("198.19.0.2");
    IpAddress GENERATOR_V6 = IpAddress.parse("2001:db8:18::1");
    IpAddress SINK_V6 = IpAddress.parse("2001:db8:19::2");
    int SOURCE_PORT = 10_000;
    /** The discard port: should a probe reach a kernel, it goes nowhere. */
    int SINK_PORT = 9;

    /** The network namespace the generator's and the sink's devices are in. */
    Path namespace();

    /** Where the generator's device is, when not in {@link #namespace()}. */
    default Path generatorNamespace() {
        return namespace();
    }

    /** Where the sink's device is, when not in {@link #namespace()}. */
    default Path sinkNamespace() {
        return namespace();
    }

    /** The device names most paths give the generator's and the sink's ends. */
    String GENERATOR_DEVICE = "gen0";
    String SINK_DEVICE = "sink0";

    default String generatorDevice() {
        return GENERATOR_DEVICE;
    }

    default String sinkDevice() {
        return SINK_DEVICE;
    }

    /** The frames' addressing on this path for {@code flows} flows. */
    TrafficProfile profile(int flows, boolean ipv6);

    @Override
    void close();

    /** The profile every path uses, given the generator's MAC and the MAC its frames go to. */
    static TrafficProfile profile(final long generatorMac, final long nextHopMac, final int flows, final boolean ipv6) {
        return new TrafficProfile(generatorMac, nextHopMac, ipv6 ? GENERATOR_V6 : GENERATOR_V4, ipv6 ? SINK_V6 : SINK_V4,
                SOURCE_PORT, SINK_PORT, flows);
    }
}
