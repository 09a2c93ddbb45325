package io.xgate.controlplane.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.xgate.controlplane.config.ConfigLoader;
import io.xgate.controlplane.config.DeviceConfig;
import io.xgate.controlplane.config.LoadResult;
import io.xgate.controlplane.config.StaticRoute;
import io.xgate.dataplane.crypto.CryptoProviders;
import io.xgate.dataplane.lab.TestCounters;
import io.xgate.dataplane.packet.IpAddress;
import io.xgate.dataplane.route.Adjacency;
import io.xgate.dataplane.worker.ForwardingTables;
import io.xgate.dataplane.worker.WorkerChannels;
import io.xgate.dataplane.worker.WorkerCommandAdapter;
import io.xgate.dataplane.worker.WorkerProxy;
import io.xgate.linux.netlink.RouteNetlink;
import java.util.List;
import org.agrona.concurrent.status.CountersManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Routes have one owner: commits program them through {@link RouteProgrammer}, the tunnel monitor withdraws and
 * restores tunnels through {@link TunnelRoutes}, and neither undoes the other — checked in the worker's own route
 * table, stepped by the test.
 */
class TunnelRoutesTest {
    private static final String CONFIG = """
            interfaces:
              ethernet:
                - {name: ethernet1/1, device: wan0, zone: untrust, virtual-router: default, ip: [192.0.2.1/24]}
              tunnel:
                - {name: tunnel.1, zone: vpn, virtual-router: default, ip: [198.18.255.1/32]}
                - {name: tunnel.2, zone: vpn, virtual-router: default, ip: [198.18.254.1/32]}
            zones:
              - {name: untrust}
              - {name: vpn}
            virtual-routers:
              - name: default
                static-routes:
                  - {name: via-primary, destination: 198.18.2.0/24, interface: tunnel.1, metric: 10}
                  - {name: via-secondary, destination: 198.18.2.0/24, interface: tunnel.2, metric: 20}
                  - {name: more-primary, destination: 198.18.3.0/24, interface: tunnel.1, metric: 10}
            ipsec-tunnels:
              - {name: primary, tunnel-interface: tunnel.1, auto-key: {ike-gateway: [gw]}}
              - {name: secondary, tunnel-interface: tunnel.2, auto-key: {ike-gateway: [gw]}}
            ike-gateways:
              - name: gw
                local-address: {interface: ethernet1/1}
                peer-address: {ip: 192.0.2.2}
                authentication: {pre-shared-key: {key: "secret-secret"}}
            """;
    private static final IpAddress FAR_HOST = IpAddress.parse("198.18.2.10");
    private static final IpAddress MORE_HOST = IpAddress.parse("198.18.3.10");

    private final CountersManager counters = TestCounters.manager();
    private final WorkerChannels channels = new WorkerChannels(0, counters);
    private final ForwardingTables tables = new ForwardingTables();
    private final WorkerCommandAdapter worker = channels.adapter(tables);
    private final WorkerProxy proxy = channels.proxy(CryptoProviders.select(CryptoProviders.AUTO).provider(),
            counters);
    private final RouteNetlink netlink = new RouteNetlink();
    private final RouteProgrammer routes = new RouteProgrammer(proxy, new NeighbourResolver(netlink, proxy, List.of()));
    private final TunnelRoutes tunnelRoutes = new TunnelRoutes(routes);
    private final DeviceConfig config = config();
    private final DeviceLayout layout = new DeviceLayout(config);

    @AfterEach
    void close() {
        netlink.close();
        channels.close();
    }

    @Test
    void aWithdrawnTunnelsRoutesLeaveTheWorkerAndAreRestoredAsTheConfigHasThemThen() {
        proxy.addTunnel(1, "tunnel.1", 1400, 0);
        proxy.addTunnel(2, "tunnel.2", 1400, 0);
        program("via-primary");
        program("via-secondary");
        tunnelRoutes.use(config);
        assertEquals("tunnel.1", next(FAR_HOST));

        tunnelRoutes.withdraw("primary", "fail-over");
        assertEquals("tunnel.2", next(FAR_HOST), "the lookup finds the higher-metric route");
        assertTrue(routes.routes().stream().filter(r -> r.interfaceName().equals("tunnel.1"))
                .allMatch(routes::withdrawn), "show routing route still lists it, marked");

        // A commit while the tunnel is withdrawn: its new route waits, its removed route never comes back.
        final UndoLog commit = new UndoLog();
        program("more-primary", commit);
        routes.remove("default/via-primary", commit);
        assertNull(next(MORE_HOST), "held back while withdrawn");
        assertEquals("tunnel.2", next(FAR_HOST));

        tunnelRoutes.install("primary", "up again");
        assertEquals("tunnel.1", next(MORE_HOST), "the committed route goes in with the restore");
        assertEquals("tunnel.2", next(FAR_HOST), "the removed route stays removed");
    }

    @Test
    void aCommitRevertedWhileTheMonitorHoldsTheTunnelBackLeavesTheWorkerAsTheMonitorWantsIt() {
        proxy.addTunnel(1, "tunnel.1", 1400, 0);
        proxy.addTunnel(2, "tunnel.2", 1400, 0);
        program("via-secondary");
        tunnelRoutes.use(config);
        final UndoLog commit = new UndoLog();
        program("via-primary", commit);
        assertEquals("tunnel.1", next(FAR_HOST));

        tunnelRoutes.withdraw("primary", "down between the apply and its revert");
        commit.runBackwards();
        assertEquals("tunnel.2", next(FAR_HOST));
        tunnelRoutes.install("primary", "up again");
        assertEquals("tunnel.2", next(FAR_HOST), "the reverted route is not restored");
        assertFalse(routes.routes().stream().anyMatch(r -> r.interfaceName().equals("tunnel.1")));
    }

    private void program(final String name) {
        program(name, new UndoLog());
    }

    private void program(final String name, final UndoLog undo) {
        final StaticRoute route = config.virtualRouters().getFirst().staticRoutes().stream()
                .filter(r -> r.name().equals(name)).findFirst().orElseThrow();
        routes.addStatic(layout, "default/" + name, route, undo);
    }

    /** The tunnel interface the worker sends {@code host} into, after it applied every command; null for none. */
    private String next(final IpAddress host) {
        while (worker.poll(64) > 0) {
            // drain
        }
        final Adjacency adjacency = tables.virtualRouter(0).lookup(host);
        return adjacency == null ? null : adjacency.tunnel().name();
    }

    private static DeviceConfig config() {
        final LoadResult result = ConfigLoader.load(CONFIG, "test");
        if (!(result instanceof LoadResult.Valid(final DeviceConfig config))) {
            throw new AssertionError(result.errors());
        }
        return config;
    }
}
