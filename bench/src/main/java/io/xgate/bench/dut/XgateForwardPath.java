package io.xgate.bench.dut;

import io.xgate.bench.traffic.TrafficProfile;
import io.xgate.dataplane.crypto.CryptoProviders;
import io.xgate.dataplane.lab.TestCounters;
import io.xgate.dataplane.packet.IpPrefix;
import io.xgate.dataplane.port.xdp.PortRole;
import io.xgate.dataplane.port.xdp.XdpGatewayPorts;
import io.xgate.dataplane.port.xdp.XdpPortSpec;
import io.xgate.dataplane.route.Adjacency;
import io.xgate.dataplane.worker.Worker;
import io.xgate.dataplane.worker.WorkerChannels;
import io.xgate.dataplane.worker.WorkerProxy;
import io.xgate.dataplane.worker.WorkerRunner;
import io.xgate.linux.netlink.MacAddress;
import io.xgate.linux.sys.NetworkNamespace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.agrona.concurrent.YieldingIdleStrategy;
import org.agrona.concurrent.status.CountersManager;

/**
 * generator → veth → one xgate worker forwarding between two AF_XDP ports (no IPsec: a route to the sink's
 * network and the sink as its neighbour) → veth → sink, as {@code XdpForwardingNamespaceTest} wires it. Both
 * ports take the LAN steering program, which hands every unicast IP frame to the worker. The worker yields when
 * idle instead of spinning flat out: generator, sink and worker share the host's CPUs.
 */
public final class XgateForwardPath implements TrafficPath {
    private static final String GENERATOR = "gen0";
    private static final String LAN = "lan0";
    private static final String WAN = "wan0";
    private static final String SINK = "sink0";
    private static final String GENERATOR_MAC = "02:78:62:00:01:01";
    private static final String LAN_MAC = "02:78:62:00:01:02";
    private static final String WAN_MAC = "02:78:62:00:02:01";
    private static final String SINK_MAC = "02:78:62:00:02:02";
    private static final int LAN_PORT = 0;
    private static final int WAN_PORT = 1;
    private static final int VIRTUAL_ROUTER = 0;
    private static final List<IpPrefix> SINK_NETWORKS = List.of(IpPrefix.parse("198.19.0.0/16"),
            IpPrefix.parse("2001:db8:19::/48"));

    private final BenchNetwork network;
    private final XdpGatewayPorts ports;
    private final WorkerChannels channels;
    private final WorkerRunner runner;

    private XgateForwardPath(final BenchNetwork network, final XdpGatewayPorts ports, final WorkerChannels channels,
                             final WorkerRunner runner) {
        this.network = network;
        this.ports = ports;
        this.channels = channels;
        this.runner = runner;
    }

    public static XgateForwardPath create() throws IOException {
        final BenchNetwork network = BenchNetwork.create();
        XdpGatewayPorts ports = null;
        WorkerChannels channels = null;
        try {
            network.addVethPair(GENERATOR, GENERATOR_MAC, LAN, LAN_MAC);
            network.addVethPair(WAN, WAN_MAC, SINK, SINK_MAC);
            final CountersManager counters = TestCounters.manager();
            try (NetworkNamespace inside = network.enter()) {
                ports = XdpGatewayPorts.open(List.of(spec(LAN_PORT, LAN), spec(WAN_PORT, WAN)),
                        XdpGatewayPorts.Settings.defaults(), counters);
            }
            channels = new WorkerChannels(0, counters);
            final Worker worker = new Worker(0, ports.pool(), ports.contexts(), channels, Worker.NO_PINNING);
            final int commands = program(channels.proxy(CryptoProviders.select().provider(), counters));
            while (worker.commandsApplied() < commands) {
                worker.doWork(); // applied on this thread, before the worker's own starts: no traffic is misrouted
            }
            final WorkerRunner runner = WorkerRunner.start(worker, new YieldingIdleStrategy(),
                    e -> System.err.println("xgate worker: " + e), null);
            return new XgateForwardPath(network, ports, channels, runner);
        } catch (final IOException | RuntimeException e) {
            if (ports != null) {
                ports.close();
            }
            if (channels != null) {
                channels.close();
            }
            network.close();
            throw e;
        }
    }

    private static XdpPortSpec spec(final int id, final String device) {
        return new XdpPortSpec(id, device, 0, PortRole.LAN, VIRTUAL_ROUTER, List.of());
    }

    /** Routes the sink's networks out of the WAN port with the sink as neighbour; returns the commands sent. */
    private static int program(final WorkerProxy proxy) {
        final long sinkMac = MacAddress.parse(SINK_MAC).value();
        final List<Boolean> accepted = List.of(
                proxy.addRoute(VIRTUAL_ROUTER, SINK_NETWORKS.get(0), 10, Adjacency.port(WAN_PORT, null)),
                proxy.addRoute(VIRTUAL_ROUTER, SINK_NETWORKS.get(1), 10, Adjacency.port(WAN_PORT, null)),
                proxy.neighbour(TrafficPath.SINK_V4, sinkMac),
                proxy.neighbour(TrafficPath.SINK_V6, sinkMac));
        if (accepted.contains(false)) {
            throw new IllegalStateException("worker command ring full while programming the forwarding path");
        }
        return accepted.size();
    }

    @Override
    public Path namespace() {
        return network.path();
    }

    @Override
    public String generatorDevice() {
        return GENERATOR;
    }

    @Override
    public String sinkDevice() {
        return SINK;
    }

    @Override
    public TrafficProfile profile(final int flows, final boolean ipv6) {
        return TrafficPath.profile(MacAddress.parse(GENERATOR_MAC).value(), MacAddress.parse(LAN_MAC).value(), flows, ipv6);
    }

    /** Stops the worker, closes its ports (detaching their programs) and deletes the namespace. */
    @Override
    public void close() {
        try {
            runner.close();
            ports.close();
            channels.close();
        } finally {
            try {
                network.close();
            } catch (final IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
