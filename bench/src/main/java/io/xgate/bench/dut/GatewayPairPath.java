package io.xgate.bench.dut;

import io.xgate.bench.traffic.TrafficProfile;
import io.xgate.dataplane.crypto.EncryptionAlgorithm;
import io.xgate.dataplane.crypto.IntegrityAlgorithm;
import io.xgate.dataplane.packet.IpAddress;
import io.xgate.dataplane.packet.IpPrefix;
import io.xgate.dataplane.port.xdp.PortRole;
import io.xgate.dataplane.port.xdp.XdpPortSpec;
import io.xgate.dataplane.route.Adjacency;
import io.xgate.dataplane.sa.IpsecMode;
import io.xgate.dataplane.sa.IpsecProtocol;
import io.xgate.dataplane.sa.SaSpec;
import io.xgate.dataplane.sa.TrafficSelector;
import io.xgate.dataplane.worker.WorkerProxy;
import io.xgate.linux.netlink.MacAddress;
import io.xgate.linux.sys.NetworkNamespace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * generator → gen0/a-lan → gw-a → a-wan/b-wan (the WAN) → gw-b → b-lan/sink0 → sink: two xgate gateways, each
 * with one worker (or more, each with a LAN and a WAN AF_XDP port on its own queue), in the bench process (the in-process choice keeps the daemon's
 * JVM start, config files and neighbour polling out of the measurement; the workers are programmed through
 * {@link WorkerProxy} with the commands {@code xgate run} sends).
 *
 * <p>{@link Mode#ESP}: a Manual Key AES-128-GCM tunnel (random keys per run, raw ESP, anti-replay 1024, tunnel
 * MTU 3500); gw-a routes the sink's networks into it, gw-b's WAN port takes the WAN steering program, so only ESP
 * reaches its worker — a frame arrives at the sink only if it crossed the WAN encrypted. {@link Mode#CLEAR}: the
 * same gateways route in the clear (every port LAN-steered, gw-a → gw-b as next hop), the I/O ceiling of this
 * topology. The WAN veths have MTU 3500 (the most native XDP takes on veth), as IMIX IPsec benchmarks give the
 * WAN a jumbo MTU: ESP adds up to 57 bytes to
 * 1518-byte frames.
 *
 * <p>With two workers (DUT {@code xgate-2w}) every veth has two queues, and the tunnel is {@code tunnel.1} on gw-a
 * (worker 1's) and {@code tunnel.2} on gw-b (worker 0's): the generator sends on queue 0, so gw-a's worker 0 routes
 * and hands each packet to worker 1, which encrypts it and sends it on queue 1; gw-b's worker 1 receives it and
 * hands it to worker 0, which decrypts it and sends it on queue 0, where the sink listens. Every packet crosses
 * both gateways' handoff rings: the worst case of several workers, and the one a single flow meets.
 */
public final class GatewayPairPath implements TrafficPath {
    public enum Mode { ESP, CLEAR }

    static final int WAN_MTU = 3500;
    private static final String A_LAN = "a-lan";
    private static final String A_WAN = "a-wan";
    private static final String B_WAN = "b-wan";
    private static final String B_LAN = "b-lan";
    private static final String GENERATOR_MAC = "02:78:62:00:01:01";
    private static final String A_LAN_MAC = "02:78:62:00:01:02";
    private static final String A_WAN_MAC = "02:78:62:00:0a:01";
    private static final String B_WAN_MAC = "02:78:62:00:0b:01";
    private static final String B_LAN_MAC = "02:78:62:00:02:01";
    private static final String SINK_MAC = "02:78:62:00:02:02";
    private static final IpAddress A_WAN_IP = IpAddress.parse("192.0.2.1");
    private static final IpAddress B_WAN_IP = IpAddress.parse("192.0.2.2");
    private static final int LAN_PORT = 0;
    private static final int WAN_PORT = 1;
    private static final int VIRTUAL_ROUTER = 0;
    /** gw-a's tunnel.1 and gw-b's tunnel.2: owned by different workers of two (see above). */
    private static final int TUNNEL_A = 1;
    private static final int TUNNEL_B = 2;
    private static final int SPI_A_TO_B = 0x00001001;
    private static final int SPI_B_TO_A = 0x00002001;
    private static final int REPLAY_WINDOW = 1024;
    private static final int CONNECTED = 0;
    private static final int STATIC = 10;
    static final List<IpPrefix> SINK_NETWORKS = List.of(IpPrefix.parse("198.19.0.0/16"),
            IpPrefix.parse("2001:db8:19::/48"));

    private final BenchNetwork network;
    private final BenchGateway gatewayA;
    private final BenchGateway gatewayB;

    private GatewayPairPath(final BenchNetwork network, final BenchGateway gatewayA, final BenchGateway gatewayB) {
        this.network = network;
        this.gatewayA = gatewayA;
        this.gatewayB = gatewayB;
    }

    public static GatewayPairPath create(final Mode mode) throws IOException {
        return create(mode, 1);
    }

    /** @param workers per gateway, 1 or 2 */
    public static GatewayPairPath create(final Mode mode, final int workers) throws IOException {
        if (workers < 1 || workers > 2) {
            throw new IllegalArgumentException("1 or 2 workers per gateway");
        }
        final BenchNetwork network = BenchNetwork.create();
        BenchGateway a = null;
        try {
            network.addVethPair(GENERATOR_DEVICE, GENERATOR_MAC, A_LAN, A_LAN_MAC, workers);
            network.addVethPair(A_WAN, A_WAN_MAC, B_WAN, B_WAN_MAC, workers);
            network.addVethPair(B_LAN, B_LAN_MAC, SINK_DEVICE, SINK_MAC, workers);
            network.setMtu(A_WAN, WAN_MTU);
            network.setMtu(B_WAN, WAN_MTU);
            final PortRole wanRole = mode == Mode.ESP ? PortRole.WAN : PortRole.LAN;
            try (NetworkNamespace inside = network.enter()) {
                a = BenchGateway.start("gw-a", queue -> List.of(spec(LAN_PORT, A_LAN, queue, PortRole.LAN),
                        spec(WAN_PORT, A_WAN, queue, wanRole)), workers, mode == Mode.ESP
                        ? GatewayPairPath::programEncrypting : GatewayPairPath::programForwarding);
                final BenchGateway b = BenchGateway.start("gw-b", queue -> List.of(spec(LAN_PORT, B_LAN, queue,
                        PortRole.LAN), spec(WAN_PORT, B_WAN, queue, wanRole)), workers, mode == Mode.ESP
                        ? GatewayPairPath::programDecrypting : GatewayPairPath::programDelivering);
                return new GatewayPairPath(network, a, b);
            }
        } catch (final Throwable e) { // Errors too (a stale classpath): never leave the namespace behind
            if (a != null) {
                a.close();
            }
            network.close();
            throw e;
        }
    }

    private static XdpPortSpec spec(final int id, final String device, final int queue, final PortRole role) {
        return new XdpPortSpec(id, device, queue, role, VIRTUAL_ROUTER, List.of());
    }

    /** gw-a, ESP: the sink's networks into tunnel.1, whose outbound SA leaves by the WAN port toward gw-b. */
    private static void programEncrypting(final WorkerProxy proxy) {
        final List<Boolean> accepted = new ArrayList<>(List.of(proxy.localAddress(A_WAN_IP, true),
                proxy.addTunnel(TUNNEL_A, "tunnel.1", WAN_MTU, VIRTUAL_ROUTER)));
        final Keys keys = Keys.shared();
        accepted.add(keys.addInbound(proxy, TUNNEL_A, SPI_B_TO_A, A_WAN_IP, B_WAN_IP));
        accepted.add(keys.addOutbound(proxy, TUNNEL_A, SPI_A_TO_B, A_WAN_IP, B_WAN_IP, mac(B_WAN_MAC)));
        for (final IpPrefix sinkNetwork : SINK_NETWORKS) {
            accepted.add(proxy.addRoute(VIRTUAL_ROUTER, sinkNetwork, STATIC, proxy.tunnelAdjacency(TUNNEL_A)));
        }
        BenchGateway.requirePosted(accepted, "gw-a");
    }

    /** gw-b, ESP: the inbound SA, then the sink's networks connected on the LAN port. */
    private static void programDecrypting(final WorkerProxy proxy) {
        final List<Boolean> accepted = new ArrayList<>(List.of(proxy.localAddress(B_WAN_IP, true),
                proxy.addTunnel(TUNNEL_B, "tunnel.2", WAN_MTU, VIRTUAL_ROUTER)));
        final Keys keys = Keys.shared();
        accepted.add(keys.addInbound(proxy, TUNNEL_B, SPI_A_TO_B, B_WAN_IP, A_WAN_IP));
        accepted.add(keys.addOutbound(proxy, TUNNEL_B, SPI_B_TO_A, B_WAN_IP, A_WAN_IP, mac(A_WAN_MAC)));
        BenchGateway.requirePosted(accepted, "gw-b");
        programDelivering(proxy);
    }

    /** gw-a, clear: the sink's networks out of the WAN port, gw-b as next hop. */
    private static void programForwarding(final WorkerProxy proxy) {
        final List<Boolean> accepted = new ArrayList<>(List.of(proxy.neighbour(B_WAN_IP, mac(B_WAN_MAC))));
        for (final IpPrefix sinkNetwork : SINK_NETWORKS) {
            accepted.add(proxy.addRoute(VIRTUAL_ROUTER, sinkNetwork, STATIC, Adjacency.port(WAN_PORT, B_WAN_IP)));
        }
        BenchGateway.requirePosted(accepted, "gw-a");
    }

    /** gw-b, both modes: the sink's networks connected on the LAN port, the sink as neighbour. */
    private static void programDelivering(final WorkerProxy proxy) {
        final List<Boolean> accepted = new ArrayList<>(List.of(proxy.neighbour(SINK_V4, mac(SINK_MAC)),
                proxy.neighbour(SINK_V6, mac(SINK_MAC))));
        for (final IpPrefix sinkNetwork : SINK_NETWORKS) {
            accepted.add(proxy.addRoute(VIRTUAL_ROUTER, sinkNetwork, CONNECTED, Adjacency.port(LAN_PORT, null)));
        }
        BenchGateway.requirePosted(accepted, "gw-b");
    }

    private static long mac(final String text) {
        return MacAddress.parse(text).value();
    }

    /**
     * One random AES-128-GCM key (with its 4-byte salt) per direction, made once per process and shared by both
     * gateways as a manual-key tunnel's two configs share them; the workers copy them into their SAs.
     */
    private record Keys(byte[] aToB, byte[] bToA) {
        private static Keys shared;

        static synchronized Keys shared() {
            if (shared == null) {
                final SecureRandom random = new SecureRandom();
                final byte[] aToB = new byte[EncryptionAlgorithm.AES_128_GCM.keyLength()];
                final byte[] bToA = new byte[aToB.length];
                random.nextBytes(aToB);
                random.nextBytes(bToA);
                shared = new Keys(aToB, bToA);
            }
            return shared;
        }

        boolean addInbound(final WorkerProxy proxy, final int tunnel, final int spi, final IpAddress local,
                           final IpAddress peer) {
            final SaSpec spec = spec(tunnel, spi, local, peer);
            try {
                return proxy.addInboundSa(spec) != null;
            } finally {
                Arrays.fill(spec.encryptionKey(), (byte) 0);
            }
        }

        boolean addOutbound(final WorkerProxy proxy, final int tunnel, final int spi, final IpAddress local,
                            final IpAddress peer, final long peerMac) {
            final SaSpec spec = spec(tunnel, spi, local, peer);
            try {
                return proxy.addOutboundSa(spec, WAN_PORT, peerMac) != null;
            } finally {
                Arrays.fill(spec.encryptionKey(), (byte) 0);
            }
        }

        /** A copy of the direction's key in the spec, for the caller to wipe once the SA holds its own. */
        private SaSpec spec(final int tunnel, final int spi, final IpAddress local, final IpAddress peer) {
            final byte[] key = spi == SPI_A_TO_B ? aToB : bToA;
            return new SaSpec(spi, tunnel, IpsecProtocol.ESP, IpsecMode.TUNNEL, EncryptionAlgorithm.AES_128_GCM,
                    Arrays.copyOf(key, key.length), IntegrityAlgorithm.NONE, new byte[0], false, true, REPLAY_WINDOW,
                    local, peer, 0, 0, false, false, false,
                    List.of(TrafficSelector.any(IpAddress.V4), TrafficSelector.any(IpAddress.V6)));
        }
    }

    @Override
    public Path namespace() {
        return network.path();
    }

    @Override
    public TrafficProfile profile(final int flows, final boolean ipv6) {
        return TrafficPath.profile(mac(GENERATOR_MAC), mac(A_LAN_MAC), flows, ipv6);
    }

    /** The worker threads, gw-a's first. */
    public List<Thread> workerThreads() {
        return Stream.concat(gatewayA.workerThreads().stream(), gatewayB.workerThreads().stream()).toList();
    }

    /** Stops both workers, closes their ports and deletes the namespace. */
    @Override
    public void close() {
        try {
            gatewayA.close();
        } finally {
            try {
                gatewayB.close();
            } finally {
                try {
                    network.close();
                } catch (final IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }
}
