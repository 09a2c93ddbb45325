package io.xgate.dataplane.port.xdp;

import io.xgate.dataplane.crypto.CryptoProviders;
import io.xgate.dataplane.lab.TestCounters;
import io.xgate.dataplane.packet.IpAddress;
import io.xgate.dataplane.packet.IpPrefix;
import io.xgate.dataplane.route.Adjacency;
import io.xgate.dataplane.worker.PortContext;
import io.xgate.dataplane.worker.Worker;
import io.xgate.dataplane.worker.WorkerChannels;
import io.xgate.dataplane.worker.WorkerProxy;
import io.xgate.linux.netlink.MacAddress;
import io.xgate.linux.sys.VethLab;
import java.io.IOException;
import java.net.InetAddress;
import java.util.List;
import org.agrona.concurrent.status.CountersManager;

/**
 * A gateway between two hosts, each in a namespace of its own: hostA (198.51.100.2, 2001:db8:0::2) behind the
 * LAN port, hostB (203.0.113.2, 2001:db8:1::2) behind the WAN port. The gateway is one {@link Worker} with two
 * AF_XDP ports on the root-namespace ends, wired by {@link XdpGatewayPorts} as the daemon does, and programmed
 * through its {@link WorkerProxy} for plain forwarding: a connected route and the host as neighbour per port.
 * The root ends keep their kernel addresses, so ARP/ND and pings to the gateway are answered by the kernel.
 */
final class XdpGatewayLab implements AutoCloseable {
    static final int LAN = 0;
    static final int WAN = 1;
    static final String HOST_B_V4 = "203.0.113.2";

    private final VethLab veth;
    private final CountersManager counters = TestCounters.manager();
    private final XdpGatewayPorts ports;
    private final WorkerChannels channels;
    private final Worker worker;
    private final WorkerProxy proxy;

    private XdpGatewayLab(final VethLab veth, final PortRole wanRole) throws IOException {
        this.veth = veth;
        for (final int pair : new int[] {LAN, WAN}) {
            final int other = 1 - pair;
            veth.inNamespace(pair, "ip", "route", "add", network4(other), "via", veth.rootIpv4(pair));
            veth.inNamespace(pair, "ip", "-6", "route", "add", network6(other), "via", veth.rootIpv6(pair));
        }
        this.ports = XdpGatewayPorts.open(List.of(spec(LAN, PortRole.LAN), spec(WAN, wanRole)),
                XdpGatewayPorts.Settings.defaults(), counters);
        this.channels = new WorkerChannels(0, counters);
        this.worker = new Worker(ports.pool(), ports.contexts(), channels, Worker.NO_PINNING);
        this.proxy = channels.proxy(CryptoProviders.select(CryptoProviders.AUTO).provider(), counters);
        for (final int pair : new int[] {LAN, WAN}) {
            final long hostMac = MacAddress.parse(veth.peerMac(pair)).value();
            program(proxy.addRoute(0, IpPrefix.parse(network4(pair)), 10, Adjacency.port(pair, null)));
            program(proxy.addRoute(0, IpPrefix.parse(network6(pair)), 10, Adjacency.port(pair, null)));
            program(proxy.neighbour(IpAddress.parse(veth.peerIpv4(pair)), hostMac));
            program(proxy.neighbour(IpAddress.parse(veth.peerIpv6(pair)), hostMac));
            program(proxy.localAddress(IpAddress.parse(veth.rootIpv4(pair)), true));
            program(proxy.localAddress(IpAddress.parse(veth.rootIpv6(pair)), true));
        }
    }

    /** Both ports LAN-role lets any IP traffic through both ways; a WAN-role WAN port takes only ESP from hostB. */
    static XdpGatewayLab create(final PortRole wanRole) throws IOException {
        final VethLab veth = VethLab.createNamespacePerPair(2);
        try {
            return new XdpGatewayLab(veth, wanRole);
        } catch (IOException | RuntimeException e) {
            veth.close();
            throw e;
        }
    }

    private XdpPortSpec spec(final int pair, final PortRole role) {
        return new XdpPortSpec(pair, veth.rootName(pair), 0, role, 0,
                List.of(InetAddress.ofLiteral(veth.rootIpv4(pair)), InetAddress.ofLiteral(veth.rootIpv6(pair))));
    }

    private static String network4(final int pair) {
        return pair == LAN ? "198.51.100.0/24" : "203.0.113.0/24";
    }

    private static String network6(final int pair) {
        return "2001:db8:" + pair + "::/64";
    }

    private static void program(final boolean accepted) {
        if (!accepted) {
            throw new IllegalStateException("worker command ring full while programming the lab");
        }
    }

    VethLab veth() {
        return veth;
    }

    Worker worker() {
        return worker;
    }

    XdpGatewayPorts ports() {
        return ports;
    }

    PortContext context(final int port) {
        return ports.contexts().get(port);
    }

    /** `ip -d link show` of the gateway's end of {@code pair}. */
    String deviceDetails(final int pair) throws IOException {
        return VethLab.run("ip", "-d", "link", "show", "dev", veth.rootName(pair));
    }

    /** Closes the ports (detaching the programs) but keeps the devices, so a test can look at them afterwards. */
    void closePorts() {
        ports.close();
    }

    @Override
    public void close() throws IOException {
        try {
            ports.close();
            channels.close();
        } finally {
            veth.close();
        }
    }
}
