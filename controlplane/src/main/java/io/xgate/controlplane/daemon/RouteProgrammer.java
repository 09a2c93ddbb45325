package io.xgate.controlplane.daemon;

import io.xgate.controlplane.config.EthernetInterface;
import io.xgate.controlplane.config.StaticRoute;
import io.xgate.dataplane.packet.IpAddress;
import io.xgate.dataplane.packet.IpPrefix;
import io.xgate.dataplane.route.Adjacency;
import io.xgate.dataplane.worker.WorkerProxy;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The one owner of the worker's routes: connected routes for the ports' prefixes and the static routes, each with
 * the adjacency object it was added with (the worker removes a route by that very object). Commits add and remove
 * routes here; the tunnel monitor withdraws and restores whole tunnel interfaces here (through
 * {@link TunnelRoutes}). The worker holds every programmed route except those into a withdrawn tunnel interface, and
 * every post checks that rule when it runs, so a commit, its revert and the monitor never undo each other: a route
 * committed into a withdrawn tunnel waits for the restore, a route removed from one is never posted again. Control
 * thread only; {@link #routes()} is what {@code show routing route} lists.
 */
final class RouteProgrammer {
    private static final System.Logger LOG = System.getLogger(RouteProgrammer.class.getName());
    private static final int CONNECTED_METRIC = 0;

    /** A route as programmed: {@code nextHop} only for routes out of a port via a gateway. */
    record Programmed(String virtualRouter, int routerId, IpPrefix destination, String type, String interfaceName,
                      Optional<IpAddress> nextHop, int metric, Adjacency adjacency) {
    }

    private final WorkerProxy proxy;
    private final NeighbourResolver neighbours;
    /** By "router/route" for static routes, "router/connected/prefix" for connected ones. */
    private final Map<String, Programmed> routes = new LinkedHashMap<>();
    /** Tunnel interfaces whose routes the tunnel monitor took out of the worker. */
    private final Set<String> withdrawn = new HashSet<>();

    RouteProgrammer(final WorkerProxy proxy, final NeighbourResolver neighbours) {
        this.proxy = proxy;
        this.neighbours = neighbours;
    }

    List<Programmed> routes() {
        return new ArrayList<>(routes.values());
    }

    /** Whether the tunnel monitor keeps {@code route} out of the worker. */
    boolean withdrawn(final Programmed route) {
        return withdrawn.contains(route.interfaceName());
    }

    /**
     * Takes the routes into {@code tunnelInterface} out of the worker until {@link #restore}, so its lookup finds
     * the next path (e.g. a higher-metric route into another tunnel). For the monitor: a full command ring is
     * logged, not thrown, as the monitor cannot take its decision back.
     */
    void withdraw(final String tunnelInterface, final String tunnel, final String reason) {
        if (withdrawn.contains(tunnelInterface)) {
            return;
        }
        forEachInto(tunnelInterface, (key, route) -> monitorPost(route, false, key, tunnel, reason));
        withdrawn.add(tunnelInterface);
    }

    /** Puts the routes into {@code tunnelInterface} back into the worker, as the config has them now. */
    void restore(final String tunnelInterface, final String tunnel, final String reason) {
        if (withdrawn.remove(tunnelInterface)) {
            forEachInto(tunnelInterface, (key, route) -> monitorPost(route, true, key, tunnel, reason));
        }
    }

    private void forEachInto(final String tunnelInterface, final BiConsumer<String, Programmed> action) {
        routes.forEach((key, route) -> {
            if (route.interfaceName().equals(tunnelInterface)) {
                action.accept(key, route);
            }
        });
    }

    private void monitorPost(final Programmed route, final boolean add, final String key, final String tunnel,
                             final String reason) {
        final boolean posted = add
                ? proxy.addRoute(route.routerId(), route.destination(), route.metric(), route.adjacency())
                : proxy.removeRoute(route.routerId(), route.destination(), route.adjacency());
        final String verb = add ? "restored" : "withdrawn";
        LOG.log(posted ? Level.INFO : Level.ERROR, "route {0} {1} into {2} {3} ({4})",
                key.substring(key.indexOf('/') + 1), route.destination(), tunnel,
                posted ? verb : "NOT " + verb + ", command ring full", reason);
    }

    void addConnected(final DeviceLayout layout, final EthernetInterface port, final UndoLog undo) {
        final int id = layout.portId(port.name());
        final String router = port.virtualRouter().orElse("-");
        for (final IpPrefix prefix : port.ip()) {
            final IpPrefix network = prefix.masked();
            add(router + "/connected/" + network, new Programmed(router, layout.virtualRouter(port.virtualRouter()),
                    network, "connected", port.name(), Optional.empty(), CONNECTED_METRIC, Adjacency.port(id, null)),
                    undo);
            neighbours.connected(id, network);
            undo.push(() -> neighbours.disconnected(id, network));
            LOG.log(Level.INFO, "route {0} connected on {1} ({2})", prefix.network(), port.name(), port.device());
        }
    }

    /**
     * {@code key} is the commit's name of the route, {@code router/route}. A route already programmed under it (a
     * changed route) is removed after the new one is in, so its destination is never without a route.
     */
    void addStatic(final DeviceLayout layout, final String key, final StaticRoute route, final UndoLog undo) {
        final String router = key.substring(0, key.indexOf('/'));
        final int port = layout.portId(route.interfaceName());
        final Adjacency adjacency;
        if (port >= 0) {
            final IpAddress nexthop = route.nexthop().orElse(null);
            adjacency = Adjacency.port(port, nexthop);
            if (nexthop != null) {
                neighbours.want(port, nexthop);
            }
        } else {
            adjacency = proxy.tunnelAdjacency(DeviceLayout.tunnelId(route.interfaceName()));
        }
        final Programmed old = routes.get(key);
        final Programmed programmed = new Programmed(router, layout.virtualRouter(router),
                route.destination().masked(), "static", route.interfaceName(), route.nexthop(), route.metric(),
                adjacency);
        add(key, programmed, undo);
        if (old != null) {
            post(old, false, key);
            undo.push(() -> post(old, true, key));
        }
        LOG.log(Level.INFO, "route {0} {1} -> {2} (virtual router {3}, metric {4}){5}", route.name(),
                route.destination().network(), adjacency, router, route.metric(), withdrawn(programmed)
                        ? ", held back while the tunnel monitor has " + route.interfaceName() + " withdrawn" : "");
    }

    /** Removes the route programmed under {@code key} (a static route's {@code router/route}). */
    void remove(final String key, final UndoLog undo) {
        final Programmed route = routes.remove(key);
        if (route == null) {
            return;
        }
        post(route, false, key);
        // Re-added into the tunnel as it is then: a reverted commit may have put back a new tunnel object.
        undo.push(() -> add(key, route.adjacency().kind() == Adjacency.Kind.TUNNEL
                ? withAdjacency(route, proxy.tunnelAdjacency(route.adjacency().tunnel().id())) : route,
                new UndoLog()));
        LOG.log(Level.INFO, "route {0} {1} removed", key, route.destination());
    }

    private static Programmed withAdjacency(final Programmed r, final Adjacency adjacency) {
        return new Programmed(r.virtualRouter(), r.routerId(), r.destination(), r.type(), r.interfaceName(),
                r.nextHop(), r.metric(), adjacency);
    }

    private void add(final String key, final Programmed route, final UndoLog undo) {
        post(route, true, key);
        final Programmed replaced = routes.put(key, route);
        undo.push(() -> {
            if (replaced == null) {
                routes.remove(key);
            } else {
                routes.put(key, replaced);
            }
            post(route, false, key);
        });
    }

    /** Adds or removes {@code route} in the worker, unless the monitor keeps it out of the worker just now. */
    private void post(final Programmed route, final boolean add, final String key) {
        if (withdrawn(route)) {
            return;
        }
        DataplaneApplier.accepted(add
                ? proxy.addRoute(route.routerId(), route.destination(), route.metric(), route.adjacency())
                : proxy.removeRoute(route.routerId(), route.destination(), route.adjacency()),
                (add ? "route " : "removal of route ") + key);
    }
}
