package io.xgate.dataplane.lab;

import io.xgate.dataplane.counters.CounterTypes;
import io.xgate.dataplane.counters.TrafficCounters;
import io.xgate.dataplane.crypto.CryptoProvider;
import io.xgate.dataplane.packet.IpAddress;
import io.xgate.dataplane.packet.IpPrefix;
import io.xgate.dataplane.port.FrameBatch;
import io.xgate.dataplane.port.FrameMemory;
import io.xgate.dataplane.port.FramePool;
import io.xgate.dataplane.port.MemoryPort;
import io.xgate.dataplane.route.Adjacency;
import io.xgate.dataplane.sa.InboundSa;
import io.xgate.dataplane.sa.OutboundSa;
import io.xgate.dataplane.sa.SaSpec;
import io.xgate.dataplane.sa.Tunnel;
import io.xgate.dataplane.worker.ForwardingTables;
import io.xgate.dataplane.worker.Pipeline;
import io.xgate.dataplane.worker.PortContext;
import io.xgate.dataplane.worker.ProbeReplyListener;
import io.xgate.dataplane.worker.PuntHandler;
import io.xgate.dataplane.worker.WorkerCommand;
import java.lang.foreign.Arena;
import java.util.ArrayList;
import java.util.List;
import org.agrona.concurrent.status.CountersManager;

/**
 * One gateway whose two ports (LAN = port 0, WAN = port 1, both in virtual router 0) are in memory: the
 * complete data plane — routes, neighbours, tunnels, SAs, pipeline — without a kernel. Used by the pipeline
 * tests, the demo and the benchmarks; stepped by {@link #poll()} on the caller's thread.
 */
public final class InMemoryGateway implements AutoCloseable {
    public static final int LAN = 0;
    public static final int WAN = 1;
    private static final int FRAME_SIZE = 4096;
    private static final int FRAMES = 1024;
    private static final int HEADROOM = 256;

    private final String name;
    private final CryptoProvider crypto;
    private final CountersManager countersManager;
    private final Arena arena = Arena.ofShared();
    private final FrameMemory memory;
    private final MemoryPort lan;
    private final MemoryPort wan;
    private final PortContext lanContext;
    private final PortContext wanContext;
    private final ForwardingTables tables = new ForwardingTables();
    private final Pipeline pipeline;
    private final FrameBatch rx = new FrameBatch();
    private final FramePool pool;
    private final List<ProbeReply> probeReplies = new ArrayList<>();

    /** A reply to one of this gateway's tunnel-monitor probes, as the worker reported it. */
    public record ProbeReply(int tunnelId, int sequence, long receivedNanos) {
    }

    public InMemoryGateway(final String name, final long lanMac, final long wanMac, final CryptoProvider crypto,
                           final CountersManager countersManager, final PuntHandler punt) {
        this.name = name;
        this.crypto = crypto;
        this.countersManager = countersManager;
        this.memory = FrameMemory.allocate(arena, FRAME_SIZE, FRAMES, HEADROOM);
        this.pool = new FramePool(memory);
        this.lan = new MemoryPort(LAN, name + "-lan", lanMac, pool);
        this.wan = new MemoryPort(WAN, name + "-wan", wanMac, pool);
        this.lanContext = new PortContext(lan, 0, portCounters(lan));
        this.wanContext = new PortContext(wan, 0, portCounters(wan));
        tables.addPort(lanContext);
        tables.addPort(wanContext);
        this.pipeline = new Pipeline(tables, pool, punt,
                (tunnelId, sequence, nanos) -> probeReplies.add(new ProbeReply(tunnelId, sequence, nanos)));
    }

    private TrafficCounters portCounters(final MemoryPort port) {
        return new TrafficCounters(countersManager, CounterTypes.PORT_TRAFFIC, CounterTypes.PORT_DROP,
                "port " + port.name(), port.id());
    }

    public String name() {
        return name;
    }

    public MemoryPort lan() {
        return lan;
    }

    public MemoryPort wan() {
        return wan;
    }

    public PortContext lanContext() {
        return lanContext;
    }

    public PortContext wanContext() {
        return wanContext;
    }

    public ForwardingTables tables() {
        return tables;
    }

    /** An address of the gateway itself (packets to it are decapsulated or punted). */
    public void localAddress(final String address) {
        tables.localAddresses().add(IpAddress.parse(address));
    }

    /** A route out of a port: {@code via} null for a connected network. */
    public void routeToPort(final String prefix, final int port, final String via) {
        tables.virtualRouter(0).add(IpPrefix.parse(prefix), 10,
                Adjacency.port(port, via == null ? null : IpAddress.parse(via)));
    }

    public void routeToTunnel(final String prefix, final Tunnel tunnel) {
        tables.virtualRouter(0).add(IpPrefix.parse(prefix), 10, Adjacency.tunnel(tunnel));
    }

    public void neighbour(final String address, final long mac) {
        tables.neighbours().put(IpAddress.parse(address), mac);
    }

    public Tunnel addTunnel(final int id, final String tunnelName, final int mtu) {
        final Tunnel t = new Tunnel(id, tunnelName, mtu, 0, new TrafficCounters(countersManager,
                CounterTypes.TUNNEL_TRAFFIC, CounterTypes.TUNNEL_DROP, "tunnel " + tunnelName, id));
        tables.addTunnel(t);
        return t;
    }

    /** Installs the SA we send with; its packets leave by the WAN port to {@code nextHopMac}. */
    public OutboundSa addOutbound(final SaSpec spec, final long nextHopMac) {
        final Tunnel t = tables.tunnel(spec.tunnelId());
        final OutboundSa sa = new OutboundSa(spec, crypto, saCounters(spec, t, "out"), t);
        sa.nextHop(WAN, nextHopMac);
        tables.addOutbound(sa);
        return sa;
    }

    public InboundSa addInbound(final SaSpec spec) {
        final Tunnel t = tables.tunnel(spec.tunnelId());
        final InboundSa sa = new InboundSa(spec, crypto, saCounters(spec, t, "in"), t);
        tables.addInbound(sa);
        return sa;
    }

    private TrafficCounters saCounters(final SaSpec spec, final Tunnel t, final String direction) {
        return new TrafficCounters(countersManager, CounterTypes.SA_TRAFFIC, CounterTypes.SA_DROP,
                "sa %s 0x%08x %s".formatted(direction, spec.spi(), t.name()), spec.spi() & 0xFFFF_FFFFL);
    }

    /**
     * Sends a tunnel-monitor probe as the worker does on a {@link WorkerCommand.SendProbe}; what it put on the
     * wire is in {@link MemoryPort#drainTransmitted()} of the WAN port.
     */
    public int probe(final int tunnelId, final String source, final String destination, final int sequence) {
        new WorkerCommand.SendProbe(tunnelId, IpAddress.parse(source), IpAddress.parse(destination), sequence)
                .applyTo(tables);
        return pipeline.sendProbes(tables.probeRequests());
    }

    /** Replies to this gateway's probes since the last call. */
    public List<ProbeReply> drainProbeReplies() {
        final List<ProbeReply> out = List.copyOf(probeReplies);
        probeReplies.clear();
        return out;
    }

    /** Free frames left (every frame returns once transmitted or dropped). */
    public int freeFrames() {
        return pool.available();
    }

    /** Runs every frame waiting on either port through the pipeline; returns how many were processed. */
    public int poll() {
        int work = 0;
        int n;
        do {
            n = 0;
            if (lan.receive(rx) > 0) {
                n += pipeline.process(lanContext, rx);
            }
            if (wan.receive(rx) > 0) {
                n += pipeline.process(wanContext, rx);
            }
            work += n;
        } while (n > 0);
        return work;
    }

    @Override
    public void close() {
        arena.close();
    }
}
