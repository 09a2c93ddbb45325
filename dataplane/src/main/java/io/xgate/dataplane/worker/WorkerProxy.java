package io.xgate.dataplane.worker;

import io.xgate.dataplane.counters.CounterTypes;
import io.xgate.dataplane.counters.TrafficCounters;
import io.xgate.dataplane.crypto.CryptoProvider;
import io.xgate.dataplane.packet.IpAddress;
import io.xgate.dataplane.packet.IpPrefix;
import io.xgate.dataplane.route.Adjacency;
import io.xgate.dataplane.sa.InboundSa;
import io.xgate.dataplane.sa.OutboundSa;
import io.xgate.dataplane.sa.SaSpec;
import io.xgate.dataplane.sa.SecurityAssociation;
import io.xgate.dataplane.sa.Tunnel;
import java.util.HashMap;
import java.util.Map;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.ManyToOneRingBuffer;
import org.agrona.concurrent.status.AtomicCounter;
import org.agrona.concurrent.status.CountersManager;

/**
 * The control plane's handle on the workers: each method builds a {@link WorkerCommand} here (SAs including
 * their key expansion, so the worker never does crypto setup) and posts it on the command rings of the workers
 * it concerns. A tunnel and its SAs (both directions) go to the tunnel's owner ({@link SaOwners}) only; the other
 * workers learn just which worker owns each inbound SPI, to hand its packets over. Routes, neighbours and local
 * addresses go to every worker. Returns false, and counts, when a ring is full — it never blocks; a command that
 * went to several workers may then have reached some of them, and sending it again is harmless. Methods are
 * serialised, so any control-plane thread may call them; counters are allocated here, on the caller's thread.
 */
public final class WorkerProxy {
    static final int COMMAND = 1;

    /** One worker's command ring, where its command objects wait, and its count of refused commands. */
    record Lane(ManyToOneRingBuffer ring, CommandHandoff handoff, AtomicCounter rejected) {
    }

    private final Lane[] lanes;
    private final long[] posted;
    private final CryptoProvider crypto;
    private final CountersManager counters;
    private final UnsafeBuffer message = new UnsafeBuffer(new byte[Long.BYTES]);
    /** The tunnels sent to the worker, so SAs can be built against them here. */
    private final Map<Integer, Tunnel> tunnels = new HashMap<>();

    WorkerProxy(final Lane[] lanes, final CryptoProvider crypto, final CountersManager counters) {
        this.lanes = lanes;
        this.posted = new long[lanes.length];
        this.crypto = crypto;
        this.counters = counters;
    }

    /** @throws io.xgate.dataplane.counters.CountersFullException before the worker is told anything */
    public synchronized boolean addTunnel(final int id, final String name, final int mtu, final int virtualRouter) {
        final Tunnel tunnel = new Tunnel(id, name, mtu, virtualRouter, new TrafficCounters(counters,
                CounterTypes.TUNNEL_TRAFFIC, CounterTypes.TUNNEL_DROP, "tunnel " + name, id));
        if (!post(owner(id), new WorkerCommand.AddTunnel(tunnel))) {
            tunnel.counters().close();
            return false;
        }
        tunnels.put(id, tunnel);
        return true;
    }

    /** Removes a tunnel sent with {@link #addTunnel}, with its outbound SAs; remove its routes first. */
    public synchronized boolean removeTunnel(final int id) {
        if (!post(owner(id), new WorkerCommand.RemoveTunnel(id))) {
            return false;
        }
        tunnels.remove(id);
        return true;
    }

    /**
     * The SA we receive with (replacing an installed one with the same SPI); the caller wipes the spec's key
     * arrays afterwards. Returns the SA, for reading its state (counters, replay window), or null when a ring
     * was full. The other workers learn the owner first, so none drops a packet of the SA as unknown once the
     * owner has it.
     *
     * @throws io.xgate.dataplane.counters.CountersFullException before any worker is told anything
     */
    public synchronized InboundSa addInboundSa(final SaSpec spec) {
        final Tunnel tunnel = tunnel(spec.tunnelId());
        final int owner = owner(spec.tunnelId());
        final InboundSa sa = new InboundSa(spec, crypto, saCounters(spec, tunnel, "in"), tunnel);
        final WorkerCommand.InboundOwner where = new WorkerCommand.InboundOwner(spec.spi(), owner);
        boolean told = true;
        for (int i = 0; i < lanes.length; i++) {
            told &= i == owner || post(i, where);
        }
        if (!told) {
            sa.close();
            return null;
        }
        return postOrClose(owner, new WorkerCommand.AddInboundSa(sa), sa) ? sa : null;
    }

    /**
     * The SA we send with (replacing the child's previous one on rekey), leaving by {@code egressPort}. Returns
     * the SA, for reading its state, or null when the ring was full.
     *
     * @throws io.xgate.dataplane.counters.CountersFullException before the worker is told anything
     */
    public synchronized OutboundSa addOutboundSa(final SaSpec spec, final int egressPort, final long nextHopMac) {
        final Tunnel tunnel = tunnel(spec.tunnelId());
        final OutboundSa sa = new OutboundSa(spec, crypto, saCounters(spec, tunnel, "out"), tunnel);
        return postOrClose(owner(spec.tunnelId()), new WorkerCommand.AddOutboundSa(sa, egressPort, nextHopMac), sa)
                ? sa : null;
    }

    /** Points an installed outbound SA at a new next hop ({@code nextHopMac} 0: unresolved, packets are punted). */
    public synchronized boolean outboundNextHop(final int tunnelId, final int spi, final int egressPort,
                                                final long nextHopMac) {
        return post(owner(tunnelId), new WorkerCommand.OutboundNextHop(tunnelId, spi, egressPort, nextHopMac));
    }

    public synchronized boolean removeInboundSa(final int spi) {
        return postAll(new WorkerCommand.RemoveInboundSa(spi));
    }

    public synchronized boolean removeOutboundSa(final int tunnelId, final int spi) {
        return post(owner(tunnelId), new WorkerCommand.RemoveOutboundSa(tunnelId, spi));
    }

    /** Adds a route; keep {@code adjacency} to remove it again. */
    public synchronized boolean addRoute(final int virtualRouter, final IpPrefix prefix, final int metric,
                                         final Adjacency adjacency) {
        return postAll(new WorkerCommand.AddRoute(virtualRouter, prefix, metric, adjacency));
    }

    public synchronized boolean removeRoute(final int virtualRouter, final IpPrefix prefix, final Adjacency adjacency) {
        return postAll(new WorkerCommand.RemoveRoute(virtualRouter, prefix, adjacency));
    }

    /** A route into a tunnel sent earlier with {@link #addTunnel}. */
    public synchronized Adjacency tunnelAdjacency(final int tunnelId) {
        return Adjacency.tunnel(tunnel(tunnelId));
    }

    /** The link-layer address of a next hop; {@code mac} 0 forgets it. */
    public synchronized boolean neighbour(final IpAddress address, final long mac) {
        return postAll(new WorkerCommand.Neighbour(address, mac));
    }

    /** An address of the gateway itself ({@code present}), or no longer ({@code !present}). */
    public synchronized boolean localAddress(final IpAddress address, final boolean present) {
        return postAll(new WorkerCommand.LocalAddress(address, present));
    }

    /** Asks the worker to send one tunnel-monitor probe (an ICMP echo request, identifier = tunnel id). */
    public synchronized boolean sendProbe(final int tunnelId, final IpAddress source, final IpAddress destination,
                                          final int sequence) {
        return post(owner(tunnelId), new WorkerCommand.SendProbe(tunnelId, source, destination, sequence));
    }

    private Tunnel tunnel(final int id) {
        final Tunnel tunnel = tunnels.get(id);
        if (tunnel == null) {
            throw new IllegalArgumentException("no tunnel " + id + " was sent to this worker");
        }
        return tunnel;
    }

    private TrafficCounters saCounters(final SaSpec spec, final Tunnel tunnel, final String direction) {
        return new TrafficCounters(counters, CounterTypes.SA_TRAFFIC, CounterTypes.SA_DROP,
                "sa %s 0x%08x %s".formatted(direction, spec.spi(), tunnel.name()), spec.spi() & 0xFFFF_FFFFL);
    }

    /** The number of workers the commands go to. */
    public int workers() {
        return lanes.length;
    }

    /** Commands posted to worker {@code worker} so far (it has applied them all once its count is as high). */
    public synchronized long posted(final int worker) {
        return posted[worker];
    }

    private int owner(final int tunnelId) {
        return SaOwners.ofTunnel(tunnelId, lanes.length);
    }

    /** An SA the worker will never see is wiped here at once. */
    private boolean postOrClose(final int worker, final WorkerCommand command, final SecurityAssociation sa) {
        if (!post(worker, command)) {
            sa.close();
            return false;
        }
        return true;
    }

    /** To every worker (each applies the same immutable command to its own tables); false if any refused it. */
    private boolean postAll(final WorkerCommand command) {
        boolean all = true;
        for (int i = 0; i < lanes.length; i++) {
            all &= post(i, command);
        }
        return all;
    }

    private boolean post(final int worker, final WorkerCommand command) {
        final Lane lane = lanes[worker];
        final long sequence = lane.handoff().deposit(command);
        if (sequence >= 0) {
            message.putLong(0, sequence);
            if (lane.ring().write(COMMAND, message, 0, Long.BYTES)) {
                posted[worker]++;
                return true;
            }
            lane.handoff().revoke(sequence);
        }
        lane.rejected().increment();
        return false;
    }
}
