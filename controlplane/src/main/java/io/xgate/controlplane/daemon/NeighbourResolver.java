package io.xgate.controlplane.daemon;

import io.xgate.dataplane.packet.IpAddress;
import io.xgate.dataplane.packet.IpPrefix;
import io.xgate.dataplane.worker.WorkerProxy;
import io.xgate.linux.netlink.MacAddress;
import io.xgate.linux.netlink.Neighbour;
import io.xgate.linux.netlink.RouteNetlink;
import io.xgate.linux.sys.LinuxException;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Keeps the worker's neighbour table in step with the kernel's, which does ARP and ND for the gateway (the XDP
 * programs pass those to it). Each {@link #poll()} (on the control thread, every 500 ms, more often while a packet waits) dumps
 * the kernel's neighbours, pushes new, changed and lost MACs on the gateway's ports to the worker, asks the
 * kernel to resolve wanted next hops it does not know yet, and re-points outbound SAs whose next hop changed.
 */
final class NeighbourResolver {
    private static final System.Logger LOG = System.getLogger(NeighbourResolver.class.getName());
    static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(500);
    private static final long EAGER_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
    private static final long EAGER_NANOS = TimeUnit.SECONDS.toNanos(1);

    /** An outbound SA and the neighbour its packets go to; {@code mac} is what the worker was told last. */
    private static final class SaPath {
        final int tunnelId;
        final int spi;
        final int port;
        final IpAddress nextHop;
        long mac;

        SaPath(final int tunnelId, final int spi, final int port, final IpAddress nextHop) {
            this.tunnelId = tunnelId;
            this.spi = spi;
            this.port = port;
            this.nextHop = nextHop;
        }
    }

    private final RouteNetlink netlink;
    private final WorkerProxy proxy;
    /** Port id → kernel ifindex and device name. */
    private final int[] ifindexes;
    private final String[] devices;
    private final Map<Integer, List<IpPrefix>> connected = new HashMap<>();
    private final Map<IpAddress, Integer> wanted = new HashMap<>();
    private final Map<IpAddress, Long> pushed = new HashMap<>();
    private final List<SaPath> saPaths = new ArrayList<>();
    /** Until then (System.nanoTime), a packet is waiting for an answer: poll often, it usually takes a few ms. */
    private long eagerUntil = System.nanoTime();

    /** @param devices the Linux device of each port, by port id */
    NeighbourResolver(final RouteNetlink netlink, final WorkerProxy proxy, final List<String> devices) {
        this.netlink = netlink;
        this.proxy = proxy;
        this.devices = devices.toArray(String[]::new);
        this.ifindexes = devices.stream().mapToInt(d -> netlink.link(d).index()).toArray();
    }

    /** {@code network} is on the link of {@code port}: its hosts are resolved when a packet needs one. */
    void connected(final int port, final IpPrefix network) {
        connected.computeIfAbsent(port, p -> new ArrayList<>()).add(network);
    }

    /** A next hop to keep resolved on {@code port} (a static route's gateway, an SA's peer). */
    void want(final int port, final IpAddress address) {
        wanted.put(address, port);
    }

    /** {@link #connected} undone (a commit that added the port's networks was reverted). */
    void disconnected(final int port, final IpPrefix network) {
        connected.getOrDefault(port, new ArrayList<>()).remove(network);
    }

    /**
     * Tells the worker where the SA's packets go whenever {@code nextHop}'s MAC is learnt or changes. The SA was
     * installed with {@link #macOf}{@code (nextHop)}, so only later changes are pushed.
     */
    void followOutboundSa(final int tunnelId, final int spi, final int port, final IpAddress nextHop) {
        want(port, nextHop);
        final SaPath path = new SaPath(tunnelId, spi, port, nextHop);
        path.mac = macOf(nextHop);
        saPaths.add(path);
    }

    /** The SA was removed: its next hop no longer concerns it. */
    void unfollowOutboundSa(final int tunnelId, final int spi) {
        saPaths.removeIf(p -> p.tunnelId == tunnelId && p.spi == spi);
    }

    /** The MAC the worker knows for {@code address}, 0 when unresolved. */
    long macOf(final IpAddress address) {
        return pushed.getOrDefault(address, 0L);
    }

    /** The port on whose connected network {@code address} lies, or -1. */
    int portOnLink(final IpAddress address) {
        for (final Map.Entry<Integer, List<IpPrefix>> e : connected.entrySet()) {
            for (final IpPrefix network : e.getValue()) {
                if (network.contains(address)) {
                    return e.getKey();
                }
            }
        }
        return -1;
    }

    /**
     * A packet waited for {@code destination}'s MAC (a no-neighbour punt): from now on it is wanted, and the
     * kernel is asked at once when it is on one of the ports' networks.
     */
    void resolveOnDemand(final IpAddress destination) {
        final int port = portOnLink(destination);
        if (port >= 0 && !wanted.containsKey(destination)) {
            want(port, destination);
            solicit(port, destination);
            eagerUntil = System.nanoTime() + EAGER_NANOS;
        }
    }

    /** How long until the next {@link #poll()}: short while an on-demand resolution is fresh, else the period. */
    long pollDelayNanos() {
        return System.nanoTime() - eagerUntil < 0 ? EAGER_POLL_NANOS : POLL_NANOS;
    }

    /** One round: returns how many changes reached the worker. */
    int poll() {
        final Map<IpAddress, Long> usable = usableOnOurPorts(netlink.neighbours());
        int changes = 0;
        for (final Map.Entry<IpAddress, Long> e : usable.entrySet()) {
            final Long before = pushed.get(e.getKey());
            if ((before == null || before.longValue() != e.getValue()) && proxy.neighbour(e.getKey(), e.getValue())) {
                pushed.put(e.getKey(), e.getValue());
                LOG.log(Level.INFO, "neighbour {0} is {1}", e.getKey(),
                        new MacAddress(e.getValue()));
                changes++;
            }
        }
        final Set<IpAddress> lost = new HashSet<>(pushed.keySet());
        lost.removeAll(usable.keySet());
        for (final IpAddress address : lost) {
            if (proxy.neighbour(address, 0)) {
                pushed.remove(address);
                LOG.log(Level.INFO, "neighbour {0} lost", address);
                changes++;
            }
        }
        wanted.forEach((address, port) -> {
            if (!usable.containsKey(address)) {
                solicit(port, address);
            }
        });
        for (final SaPath path : saPaths) {
            final long mac = pushed.getOrDefault(path.nextHop, 0L);
            if (mac != path.mac && proxy.outboundNextHop(path.tunnelId, path.spi, path.port, mac)) {
                path.mac = mac;
                LOG.log(Level.INFO, "SA 0x{0} sends via {1} ({2}) on {3}", String.format("%08x", path.spi),
                        path.nextHop, mac == 0 ? "unresolved" : new MacAddress(mac), devices[path.port]);
                changes++;
            }
        }
        return changes;
    }

    private Map<IpAddress, Long> usableOnOurPorts(final List<Neighbour> neighbours) {
        final Map<IpAddress, Long> usable = new HashMap<>();
        for (final Neighbour n : neighbours) {
            // Multicast entries are the kernel's own mappings, not neighbours; the worker never sends to them.
            if (n.usable() && !n.address().isMulticastAddress() && portOf(n.ifindex()) >= 0) {
                usable.put(IpAddress.of(n.address()), n.mac().value());
            }
        }
        return usable;
    }

    private int portOf(final int ifindex) {
        for (int i = 0; i < ifindexes.length; i++) {
            if (ifindexes[i] == ifindex) {
                return i;
            }
        }
        return -1;
    }

    private void solicit(final int port, final IpAddress address) {
        try {
            netlink.solicit(ifindexes[port], address.toInetAddress());
        } catch (final LinuxException e) {
            LOG.log(Level.DEBUG, "cannot solicit {0} on {1}: {2}", address, devices[port], e.getMessage());
        }
    }
}
