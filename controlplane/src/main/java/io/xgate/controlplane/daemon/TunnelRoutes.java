package io.xgate.controlplane.daemon;

import io.xgate.controlplane.config.DeviceConfig;
import io.xgate.controlplane.config.IpsecTunnel;
import io.xgate.controlplane.monitor.RouteControl;
import java.lang.System.Logger.Level;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The tunnel monitor's say over routes: it names ipsec-tunnels, the routes lead into tunnel interfaces. Withdrawing a
 * tunnel asks {@link RouteProgrammer} — the one owner of the worker's routes — to hold back every route into the
 * tunnel's interface; installing it lets them back in, as the config has them by then. Control thread only.
 */
final class TunnelRoutes implements RouteControl {
    private static final System.Logger LOG = System.getLogger(TunnelRoutes.class.getName());

    private final RouteProgrammer routes;
    /** Each withdrawn ipsec-tunnel and the tunnel interface held back for it. */
    private final Map<String, String> withdrawn = new HashMap<>();
    /** The config whose tunnels the monitor names: the one being applied, or the running one. */
    private DeviceConfig config;

    TunnelRoutes(final RouteProgrammer routes) {
        this.routes = routes;
    }

    /**
     * From now on the monitor's names mean {@code config}'s tunnels. A withdrawn tunnel that moved to another
     * tunnel interface takes its withdrawal along.
     */
    void use(final DeviceConfig config) {
        this.config = config;
        withdrawn.replaceAll((tunnel, held) -> interfaceOf(tunnel).filter(moved -> !moved.equals(held)).map(moved -> {
            routes.restore(held, tunnel, "tunnel moved to " + moved);
            routes.withdraw(moved, tunnel, "tunnel moved from " + held);
            return moved;
        }).orElse(held));
    }

    @Override
    public void install(final String tunnel, final String reason) {
        final String held = withdrawn.remove(tunnel);
        if (held != null) {
            routes.restore(held, tunnel, reason);
        }
    }

    @Override
    public void withdraw(final String tunnel, final String reason) {
        final Optional<String> tunnelInterface = interfaceOf(tunnel);
        if (tunnelInterface.isEmpty()) {
            // The monitors only steer tunnels of the config they were built from, which is this one.
            LOG.log(Level.ERROR, "tunnel {0} is not configured; no routes to withdraw ({1})", tunnel, reason);
            return;
        }
        if (withdrawn.putIfAbsent(tunnel, tunnelInterface.get()) == null) {
            routes.withdraw(tunnelInterface.get(), tunnel, reason);
        }
    }

    private Optional<String> interfaceOf(final String tunnel) {
        return config.findIpsecTunnel(tunnel).map(IpsecTunnel::tunnelInterface);
    }
}
