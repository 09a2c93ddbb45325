package io.xgate.dataplane.worker;

import io.xgate.dataplane.route.LocalAddresses;
import io.xgate.dataplane.route.NeighbourTable;
import io.xgate.dataplane.route.RouteTable;
import io.xgate.dataplane.sa.InboundSa;
import io.xgate.dataplane.sa.OutboundSa;
import io.xgate.dataplane.sa.Tunnel;
import java.util.Arrays;
import org.agrona.collections.Int2IntHashMap;
import org.agrona.collections.Int2ObjectHashMap;

/**
 * Everything one worker consults per packet: ports, routes per virtual router, neighbours, its own addresses,
 * tunnels and SAs. Written only by the worker's thread (commands are applied between batches). SAs it lets go
 * of go to its {@link RetiredSas}, never closed here, so a worker never touches the counters manager.
 */
public final class ForwardingTables {
    /** {@link #inboundOwner} of an SPI no other worker owns. */
    public static final int NO_OWNER = -1;
    private final RetiredSas retired;
    private PortContext[] ports = new PortContext[0];
    private RouteTable[] virtualRouters = new RouteTable[0];
    private final NeighbourTable neighbours = new NeighbourTable();
    private final LocalAddresses localAddresses = new LocalAddresses();
    private final Int2ObjectHashMap<InboundSa> inbound = new Int2ObjectHashMap<>();
    /** SPIs whose inbound SA another worker owns, and which worker: packets for them are handed over there. */
    private final Int2IntHashMap inboundOwners = new Int2IntHashMap(NO_OWNER);
    private final Int2ObjectHashMap<Tunnel> tunnels = new Int2ObjectHashMap<>();
    private final ProbeRequests probeRequests = new ProbeRequests();

    /** Tables of a single-threaded owner: SAs let go of are closed at once. */
    public ForwardingTables() {
        this(RetiredSas.CLOSE_NOW);
    }

    public ForwardingTables(final RetiredSas retired) {
        this.retired = retired;
    }

    public void addPort(final PortContext port) {
        final int id = port.port().id();
        if (id >= ports.length) {
            ports = Arrays.copyOf(ports, id + 1);
        }
        ports[id] = port;
    }

    public PortContext port(final int id) {
        return id >= 0 && id < ports.length ? ports[id] : null;
    }

    public PortContext[] ports() {
        return ports;
    }

    /** The route table of a virtual router, created on first use. */
    public RouteTable virtualRouter(final int id) {
        if (id >= virtualRouters.length) {
            virtualRouters = Arrays.copyOf(virtualRouters, id + 1);
        }
        if (virtualRouters[id] == null) {
            virtualRouters[id] = new RouteTable();
        }
        return virtualRouters[id];
    }

    RouteTable routes(final int id) {
        return id < virtualRouters.length ? virtualRouters[id] : null;
    }

    public NeighbourTable neighbours() {
        return neighbours;
    }

    public LocalAddresses localAddresses() {
        return localAddresses;
    }

    /** Tunnel-monitor probes waiting to be sent. */
    public ProbeRequests probeRequests() {
        return probeRequests;
    }

    public void addTunnel(final Tunnel tunnel) {
        final Tunnel old = tunnels.put(tunnel.id(), tunnel);
        if (old != null) {
            retireTunnel(old);
        }
    }

    /** Removes a tunnel and retires it with its outbound SAs; routes into it must be removed first. */
    public boolean removeTunnel(final int id) {
        final Tunnel tunnel = tunnels.remove(id);
        if (tunnel != null) {
            retireTunnel(tunnel);
        }
        return tunnel != null;
    }

    private void retireTunnel(final Tunnel tunnel) {
        for (final OutboundSa sa : tunnel.children()) {
            tunnel.remove(sa.spi());
            retired.retire(sa);
        }
        retired.retire(tunnel);
    }

    public Tunnel tunnel(final int id) {
        return tunnels.get(id);
    }

    /** Installs an inbound SA; one it replaces (same SPI: a manual key reinstalled) is retired. */
    public void addInbound(final InboundSa sa) {
        final InboundSa old = inbound.put(sa.spi(), sa);
        if (old != null) {
            retired.retire(old);
        }
    }

    public InboundSa inbound(final int spi) {
        return inbound.get(spi);
    }

    /** Records that worker {@code owner} holds the inbound SA with {@code spi}. */
    public void inboundOwner(final int spi, final int owner) {
        inboundOwners.put(spi, owner);
    }

    /** The worker that holds the inbound SA with {@code spi}, or {@link #NO_OWNER}. */
    public int inboundOwner(final int spi) {
        return inboundOwners.get(spi);
    }

    /** Removes an inbound SA and retires it (to be wiped), or forgets which worker owns it. */
    public boolean removeInbound(final int spi) {
        inboundOwners.remove(spi);
        final InboundSa sa = inbound.remove(spi);
        if (sa != null) {
            retired.retire(sa);
        }
        return sa != null;
    }

    /** Installs an outbound SA in its tunnel; a replaced one (rekey) is retired. */
    public void addOutbound(final OutboundSa sa) {
        final OutboundSa old = sa.tunnel().install(sa);
        if (old != null) {
            retired.retire(old);
        }
    }

    public boolean removeOutbound(final int tunnelId, final int spi) {
        final Tunnel t = tunnels.get(tunnelId);
        final OutboundSa sa = t == null ? null : t.remove(spi);
        if (sa != null) {
            retired.retire(sa);
        }
        return sa != null;
    }

    /** The outbound SA with {@code spi} in tunnel {@code tunnelId}, or null. */
    public OutboundSa outbound(final int tunnelId, final int spi) {
        final Tunnel t = tunnels.get(tunnelId);
        if (t != null) {
            for (final OutboundSa sa : t.children()) {
                if (sa.spi() == spi) {
                    return sa;
                }
            }
        }
        return null;
    }

    /**
     * Closes every SA and tunnel still installed, wiping the keys. Only for the owner of a stopped worker, on the
     * thread that owns the counters manager; the tables are empty afterwards.
     */
    public void closeAll() {
        inbound.values().forEach(InboundSa::close);
        inbound.clear();
        for (final Tunnel t : tunnels.values()) {
            for (final OutboundSa sa : t.children()) {
                t.remove(sa.spi());
                sa.close();
            }
            t.close();
        }
        tunnels.clear();
    }
}
