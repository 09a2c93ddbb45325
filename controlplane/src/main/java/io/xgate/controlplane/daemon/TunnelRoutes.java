package io.xgate.controlplane.daemon;

import io.xgate.controlplane.config.DeviceConfig;
import io.xgate.controlplane.config.IpsecTunnel;
import io.xgate.controlplane.monitor.RouteControl;
import io.xgate.dataplane.packet.IpPrefix;
import io.xgate.dataplane.route.Adjacency;
import io.xgate.dataplane.worker.WorkerProxy;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The static routes that lead into each tunnel interface, as {@link DataplaneApplier} installed them, so the tunnel
 * monitor can withdraw an ipsec-tunnel's routes (the worker's lookup then finds the next path, e.g. a higher-metric
 * route through another tunnel) and put the very same routes back.
 */
final class TunnelRoutes implements RouteControl {
    private static final System.Logger LOG = System.getLogger(TunnelRoutes.class.getName());

    private record Route(String name, int virtualRouter, IpPrefix prefix, int metric, Adjacency adjacency) {
    }

    private final WorkerProxy proxy;
    private final DeviceConfig config;
    private final Map<String, List<Route>> byInterface = new HashMap<>();

    TunnelRoutes(final WorkerProxy proxy, final DeviceConfig config) {
        this.proxy = proxy;
        this.config = config;
    }

    /** A route the applier installed into {@code tunnelInterface}. */
    void add(final String tunnelInterface, final String name, final int virtualRouter, final IpPrefix prefix,
             final int metric, final Adjacency adjacency) {
        byInterface.computeIfAbsent(tunnelInterface, i -> new ArrayList<>())
                .add(new Route(name, virtualRouter, prefix, metric, adjacency));
    }

    @Override
    public void install(final String tunnel, final String reason) {
        for (final Route route : routes(tunnel)) {
            final boolean posted = proxy.addRoute(route.virtualRouter(), route.prefix(), route.metric(),
                    route.adjacency());
            LOG.log(posted ? Level.INFO : Level.ERROR, "route {0} {1} into {2} {3} ({4})", route.name(),
                    DataplaneAddresses.text(route.prefix()), tunnel,
                    posted ? "restored" : "NOT restored, command ring full", reason);
        }
    }

    @Override
    public void withdraw(final String tunnel, final String reason) {
        for (final Route route : routes(tunnel)) {
            final boolean posted = proxy.removeRoute(route.virtualRouter(), route.prefix(), route.adjacency());
            LOG.log(posted ? Level.INFO : Level.ERROR, "route {0} {1} into {2} {3} ({4})", route.name(),
                    DataplaneAddresses.text(route.prefix()), tunnel,
                    posted ? "withdrawn" : "NOT withdrawn, command ring full", reason);
        }
    }

    private List<Route> routes(final String tunnel) {
        return config.findIpsecTunnel(tunnel).map(IpsecTunnel::tunnelInterface)
                .map(i -> byInterface.getOrDefault(i, List.of())).orElse(List.of());
    }
}
