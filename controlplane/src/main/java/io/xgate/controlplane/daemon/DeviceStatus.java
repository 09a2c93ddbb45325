package io.xgate.controlplane.daemon;

import io.xgate.controlplane.config.DeviceConfig;
import io.xgate.controlplane.config.TunnelInterface;
import io.xgate.dataplane.counters.CounterSnapshot;
import io.xgate.dataplane.counters.CounterTypes;
import io.xgate.dataplane.route.Adjacency;
import io.xgate.linux.netlink.MacAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The answers of {@code show interface}, {@code show routing route} and {@code show counters}: ports as they were
 * opened, tunnel interfaces from the running config, routes as programmed, counters from the counters file.
 * Control thread.
 */
final class DeviceStatus {
    /** A port as opened at start: its XDP attach mode and AF_XDP bind mode. */
    record OpenedPort(String name, String device, String role, String xdpMode, String afXdpMode, int queue) {
    }

    record Port(String name, String device, String role, String xdpMode, String afXdpMode, int queue,
                VpnStatus.Traffic rx, VpnStatus.Traffic tx, long drops) {
    }

    /** {@code addresses} as installed (IPv6 interface IDs filled in), {@code anycast} those of them that are. */
    record TunnelInterfaceState(String name, List<String> addresses, List<String> anycast, int mtu,
                                String virtualRouter, String state) {
    }

    record Route(String virtualRouter, String destination, String type, String interfaceName, String nextHop,
                 int metric, String adjacency) {
    }

    record Counter(String group, String name, long value) {
    }

    private final Supplier<DeviceConfig> running;
    private final List<OpenedPort> ports;
    private final RouteProgrammer routes;
    private final NeighbourResolver neighbours;
    private final VpnStatus vpn;
    private final Supplier<List<CounterSnapshot.Counter>> counters;
    private final PortMacs macs;

    DeviceStatus(final Supplier<DeviceConfig> running, final List<OpenedPort> ports, final RouteProgrammer routes,
                 final NeighbourResolver neighbours, final VpnStatus vpn,
                 final Supplier<List<CounterSnapshot.Counter>> counters, final PortMacs macs) {
        this.running = running;
        this.ports = List.copyOf(ports);
        this.routes = routes;
        this.neighbours = neighbours;
        this.vpn = vpn;
        this.counters = counters;
        this.macs = macs;
    }

    List<Port> ports() {
        final Map<String, Map<String, Long>> byDevice = counters.get().stream()
                .filter(c -> c.type() == CounterTypes.PORT_TRAFFIC || c.type() == CounterTypes.PORT_DROP)
                .collect(Collectors.groupingBy(c -> c.group().substring("port ".length()), LinkedHashMap::new,
                        Collectors.toMap(CounterSnapshot.Counter::name, CounterSnapshot.Counter::value, Long::sum,
                                LinkedHashMap::new)));
        return ports.stream().map(p -> {
            final Map<String, Long> c = byDevice.getOrDefault(p.device(), Map.of());
            final long drops = c.entrySet().stream().filter(e -> e.getKey().startsWith("drop "))
                    .mapToLong(Map.Entry::getValue).sum();
            return new Port(p.name(), p.device(), p.role(), p.xdpMode(), p.afXdpMode(), p.queue(),
                    new VpnStatus.Traffic(c.getOrDefault("packets-in", 0L), c.getOrDefault("bytes-in", 0L)),
                    new VpnStatus.Traffic(c.getOrDefault("packets-out", 0L), c.getOrDefault("bytes-out", 0L)), drops);
        }).toList();
    }

    /** A tunnel interface is up when an IPsec tunnel bound to it is. */
    List<TunnelInterfaceState> tunnelInterfaces() {
        final DeviceConfig config = running.get();
        final OwnAddresses own = new OwnAddresses(config, macs);
        return config.interfaces().tunnel().stream().map(t -> {
            final List<OwnAddresses.TunnelAddress> addresses = own.tunnel(t);
            return new TunnelInterfaceState(t.name(), addresses.stream().map(a -> a.prefix().toString()).toList(),
                    addresses.stream().filter(OwnAddresses.TunnelAddress::anycast)
                            .map(a -> a.prefix().toString()).toList(),
                    t.mtu(), t.virtualRouter().orElse("-"), state(config, t));
        }).toList();
    }

    private String state(final DeviceConfig config, final TunnelInterface t) {
        return config.ipsecTunnels().stream().filter(i -> i.tunnelInterface().equals(t.name()))
                .anyMatch(i -> vpn.tunnelState(i).state().equals("up")) ? "up" : "down";
    }

    List<Route> routes() {
        return routes.routes().stream().map(r -> new Route(r.virtualRouter(), r.destination().toString(), r.type(),
                r.interfaceName(), r.nextHop().map(Object::toString).orElse("-"), r.metric(), adjacency(r)))
                .toList();
    }

    /** Where the worker sends a packet of the route: into a tunnel, or out of a port to a (resolved?) neighbour. */
    private String adjacency(final RouteProgrammer.Programmed r) {
        final Adjacency a = r.adjacency();
        if (a.kind() == Adjacency.Kind.TUNNEL) {
            return "tunnel " + a.tunnel().name() + (routes.withdrawn(r) ? ", withdrawn by the tunnel monitor" : "");
        }
        if (r.nextHop().isEmpty()) {
            return "port " + r.interfaceName() + ", hosts resolved on demand";
        }
        final long mac = neighbours.macOf(r.nextHop().get());
        return "port " + r.interfaceName() + " to " + (mac == 0 ? "unresolved" : new MacAddress(mac).toString());
    }

    /** Every non-zero counter. */
    List<Counter> counters() {
        return counters.get().stream().filter(c -> c.value() != 0)
                .map(c -> new Counter(c.group(), c.name(), c.value())).toList();
    }
}
