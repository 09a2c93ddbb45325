package io.xgate.controlplane.daemon;

import io.xgate.controlplane.config.DeviceConfig;
import io.xgate.controlplane.config.EthernetInterface;
import io.xgate.dataplane.packet.IpAddress;
import io.xgate.dataplane.packet.IpPrefix;
import io.xgate.controlplane.config.IpsecTunnel;
import io.xgate.controlplane.config.ManualKey;
import io.xgate.controlplane.config.StaticRoute;
import io.xgate.controlplane.config.TunnelInterface;
import io.xgate.controlplane.config.VirtualRouter;
import io.xgate.dataplane.route.Adjacency;
import io.xgate.dataplane.worker.WorkerProxy;
import java.lang.System.Logger.Level;
import java.util.Comparator;
import java.util.Optional;

/**
 * Turns a {@link DeviceConfig} into worker commands — the one place a config reaches the data plane (the
 * commit machinery will drive it through its apply interface). Programs a fresh worker: the gateway's own
 * addresses, connected routes for the ports' prefixes, tunnel interfaces, static routes, and the SAs of
 * manual-key tunnels, each outbound SA following the neighbour toward its peer. Changing a running
 * configuration needs the diff a commit computes; until then a config is applied once, at startup.
 */
public final class DataplaneApplier {
    private static final System.Logger LOG = System.getLogger(DataplaneApplier.class.getName());
    private static final int CONNECTED_METRIC = 0;

    private final WorkerProxy proxy;
    private final NeighbourResolver neighbours;
    private boolean applied;

    DataplaneApplier(final WorkerProxy proxy, final NeighbourResolver neighbours) {
        this.proxy = proxy;
        this.neighbours = neighbours;
    }

    /** @throws IllegalStateException when the worker refuses a command (ring full) or a config was applied */
    public void apply(final DeviceConfig config) {
        if (applied) {
            throw new IllegalStateException("a configuration is already applied; changes need a commit diff");
        }
        applied = true;
        final DeviceLayout layout = new DeviceLayout(config);
        for (final IpPrefix own : layout.ownPrefixes()) {
            accepted(proxy.localAddress(own.address(), true), "local address " + own);
        }
        for (final EthernetInterface port : layout.ports()) {
            final int id = layout.portId(port.name());
            for (final IpPrefix prefix : port.ip()) {
                final var network = prefix.masked();
                accepted(proxy.addRoute(layout.virtualRouter(port.virtualRouter()), network, CONNECTED_METRIC,
                        Adjacency.port(id, null)), "connected route " + network);
                neighbours.connected(id, network);
                LOG.log(Level.INFO, "route {0} connected on {1} ({2})", prefix.network(), port.name(),
                        port.device());
            }
        }
        for (final TunnelInterface tunnel : config.interfaces().tunnel()) {
            accepted(proxy.addTunnel(DeviceLayout.tunnelId(tunnel.name()), tunnel.name(), tunnel.mtu(),
                    layout.virtualRouter(tunnel.virtualRouter())), tunnel.name());
        }
        for (final VirtualRouter router : config.virtualRouters()) {
            for (final StaticRoute route : router.staticRoutes()) {
                addStaticRoute(layout, router, route);
            }
        }
        for (final IpsecTunnel tunnel : config.ipsecTunnels()) {
            if (tunnel.disabled()) {
                LOG.log(Level.INFO, "ipsec tunnel {0} is disabled", tunnel.name());
            } else if (tunnel.keying() instanceof ManualKey key) {
                addManualKeyTunnel(config, layout, tunnel, key);
            } else {
                LOG.log(Level.INFO, "ipsec tunnel {0} is auto-key: its SAs come from IKE", tunnel.name());
            }
        }
    }

    private void addStaticRoute(final DeviceLayout layout, final VirtualRouter router, final StaticRoute route) {
        final var destination = route.destination().masked();
        final int port = layout.portId(route.interfaceName());
        final Adjacency adjacency;
        if (port >= 0) {
            final var nexthop = route.nexthop().orElse(null);
            adjacency = Adjacency.port(port, nexthop);
            if (nexthop != null) {
                neighbours.want(port, nexthop);
            }
        } else {
            adjacency = proxy.tunnelAdjacency(DeviceLayout.tunnelId(route.interfaceName()));
        }
        accepted(proxy.addRoute(layout.virtualRouter(router.name()), destination, route.metric(), adjacency),
                "route " + route.name());
        LOG.log(Level.INFO, "route {0} {1} -> {2} (virtual router {3}, metric {4})", route.name(),
                route.destination().network(),
                adjacency, router.name(), route.metric());
    }

    private void addManualKeyTunnel(final DeviceConfig config, final DeviceLayout layout, final IpsecTunnel tunnel,
                                    final ManualKey key) {
        final String localInterface = key.localAddress().interfaceName();
        final int port = layout.portId(localInterface);
        final IpAddress nextHop = nextHopToward(config, localInterface, key.peerAddress());
        try (ManualKeySas sas = ManualKeySas.of(config, tunnel, key)) {
            accepted(proxy.addInboundSa(sas.inbound()), "inbound SA of " + tunnel.name());
            accepted(proxy.addOutboundSa(sas.outbound(), port, 0), "outbound SA of " + tunnel.name());
            neighbours.followOutboundSa(sas.outbound().tunnelId(), sas.outbound().spi(), port,
                    nextHop);
            LOG.log(Level.INFO, "ipsec tunnel {0} on {1}: manual key, out {2}, in {3}, next hop {4}{5}",
                    tunnel.name(), tunnel.tunnelInterface(), sas.outbound(), sas.inbound(), nextHop,
                    sas.outbound().udpEncapsulated() ? ", ESP in UDP 4500" : "");
        }
    }

    /**
     * The neighbour packets to {@code peer} go to from {@code localInterface}: the peer itself on a connected
     * network, else the gateway of the most specific static route through that interface, else the peer
     * (assumed on-link).
     */
    static IpAddress nextHopToward(final DeviceConfig config, final String localInterface,
                                           final IpAddress peer) {
        final boolean connected = config.findInterface(localInterface).stream()
                .flatMap(i -> i.ip().stream()).anyMatch(p -> p.contains(peer));
        if (connected) {
            return peer;
        }
        final Optional<IpAddress> routed = config.virtualRouters().stream()
                .flatMap(r -> r.staticRoutes().stream())
                .filter(r -> r.interfaceName().equals(localInterface) && r.nexthop().isPresent()
                        && r.destination().contains(peer))
                .max(Comparator.comparingInt(r -> r.destination().length()))
                .flatMap(StaticRoute::nexthop);
        return routed.orElse(peer);
    }

    private static void accepted(final boolean posted, final String what) {
        if (!posted) {
            throw new IllegalStateException("the worker's command ring is full; could not program " + what);
        }
    }
}
