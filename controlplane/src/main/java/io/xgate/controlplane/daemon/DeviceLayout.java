package io.xgate.controlplane.daemon;

import io.xgate.controlplane.config.DeviceConfig;
import io.xgate.controlplane.config.EthernetInterface;
import io.xgate.controlplane.config.IpsecTunnel;
import io.xgate.controlplane.config.ManualKey;
import io.xgate.controlplane.config.Named;
import io.xgate.controlplane.config.StaticRoute;
import io.xgate.dataplane.packet.IpAddress;
import io.xgate.controlplane.config.TunnelInterface;
import io.xgate.dataplane.port.xdp.PortRole;
import io.xgate.dataplane.port.xdp.XdpPortSpec;
import java.net.InetAddress;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The numbers the data plane uses for the config's names: port id = position among the ethernet ports,
 * virtual-router id = position among the virtual routers (an interface in none gets an id no route lives in, so
 * its packets are dropped as no-route), tunnel id = the N of {@code tunnel.N}. Also each port's role: WAN when
 * it is the local address of a manual-key tunnel or IKE gateway, LAN otherwise.
 */
final class DeviceLayout {
    private final DeviceConfig config;
    private final List<EthernetInterface> ports;
    private final List<String> virtualRouters;
    private final Set<String> wanPorts = new HashSet<>();

    DeviceLayout(final DeviceConfig config) {
        this.config = config;
        this.ports = config.interfaces().ethernet();
        this.virtualRouters = config.virtualRouters().stream().map(Named::name).toList();
        config.ikeGateways().forEach(g -> wanPorts.add(g.localAddress().interfaceName()));
        for (final IpsecTunnel tunnel : config.ipsecTunnels()) {
            if (tunnel.keying() instanceof ManualKey manual) {
                wanPorts.add(manual.localAddress().interfaceName());
            }
        }
    }

    List<EthernetInterface> ports() {
        return ports;
    }

    /** The port id of an ethernet interface, or -1 for any other name. */
    int portId(final String interfaceName) {
        for (int i = 0; i < ports.size(); i++) {
            if (ports.get(i).name().equals(interfaceName)) {
                return i;
            }
        }
        return -1;
    }

    int virtualRouter(final Optional<String> name) {
        return name.map(virtualRouters::indexOf).filter(i -> i >= 0).orElse(virtualRouters.size());
    }

    int virtualRouter(final String name) {
        return virtualRouter(Optional.of(name));
    }

    PortRole role(final EthernetInterface port) {
        return wanPorts.contains(port.name()) ? PortRole.WAN : PortRole.LAN;
    }

    /**
     * The neighbour an SA's packets to {@code peer} go to from {@code localInterface}: the peer itself on a
     * connected network, else the gateway of the most specific static route through that interface, else the peer
     * (assumed on-link).
     */
    IpAddress nextHopToward(final String localInterface, final IpAddress peer) {
        final boolean connected = config.findInterface(localInterface).stream()
                .flatMap(i -> i.ip().stream()).anyMatch(p -> p.contains(peer));
        if (connected) {
            return peer;
        }
        return config.virtualRouters().stream()
                .flatMap(r -> r.staticRoutes().stream())
                .filter(r -> r.interfaceName().equals(localInterface) && r.nexthop().isPresent()
                        && r.destination().contains(peer))
                .max(Comparator.comparingInt(r -> r.destination().length()))
                .flatMap(StaticRoute::nexthop)
                .orElse(peer);
    }

    static int tunnelId(final String tunnelInterfaceName) {
        return Integer.parseInt(tunnelInterfaceName.substring(TunnelInterface.PREFIX.length()));
    }

    /** One worker's sockets: every ethernet port on {@code queue}. */
    List<XdpPortSpec> portSpecs(final int queue, final OwnAddresses addresses) {
        // A LAN program leaves traffic to any of the gateway's addresses with the kernel (ping, ARP, management).
        final List<InetAddress> own = addresses.all().stream().map(p -> p.address().toInetAddress()).toList();
        return ports.stream().map(p -> new XdpPortSpec(portId(p.name()), p.device(), queue, role(p),
                virtualRouter(p.virtualRouter()), own)).toList();
    }
}
