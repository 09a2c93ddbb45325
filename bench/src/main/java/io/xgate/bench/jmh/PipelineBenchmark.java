package io.xgate.bench.jmh;

import io.xgate.dataplane.counters.CounterTypes;
import io.xgate.dataplane.counters.TrafficCounters;
import io.xgate.dataplane.packet.IpPrefix;
import io.xgate.dataplane.port.FrameBatch;
import io.xgate.dataplane.port.FrameMemory;
import io.xgate.dataplane.port.FramePool;
import io.xgate.dataplane.route.Adjacency;
import io.xgate.dataplane.sa.OutboundSa;
import io.xgate.dataplane.worker.ForwardingTables;
import io.xgate.dataplane.worker.HandoffMesh;
import io.xgate.dataplane.worker.Pipeline;
import io.xgate.dataplane.worker.PortContext;
import io.xgate.dataplane.worker.ProbeReplyListener;
import io.xgate.dataplane.worker.PuntHandler;
import io.xgate.dataplane.worker.SaOwners;
import java.lang.foreign.Arena;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One op: one frame through {@link Pipeline#process} from the LAN port to the WAN port, in batches of 64 —
 * Ethernet and IPv4 parsing and checksum, route lookup into the tunnel, SA selection, TTL, ESP encapsulation,
 * Ethernet header, counters and transmit — on zero-copy {@link LoopbackPort}s. With {@code workers=2} the tunnel
 * belongs to a second worker: the first routes each frame and hands its IP packet over (a copy into the
 * {@link HandoffMesh} ring), the second ({@link Pipeline#takeOver}) copies it into a frame of its own, routes it
 * again and does the rest; both run on the benchmark thread, so the op is the whole cost of a handoff.
 *
 * <p>The wiring repeats what {@code InMemoryGateway} does because that class builds its own copying ports;
 * a port factory there would let this benchmark reuse it.
 */
public class PipelineBenchmark extends EngineState {
    private static final int LAN = 0;
    private static final int WAN = 1;
    private static final long PEER_MAC = 0x02_00_00_00_FF_02L;

    private final FrameBatch rx = new FrameBatch();
    private LoopbackPort lan;
    private LoopbackPort wan;
    private PortContext lanContext;
    private Pipeline pipeline;
    private long offered;

    /** 1: the tunnel is the receiving worker's; 2: it is another worker's, so every packet is handed over. */
    @Param({"1", "2"})
    public int workers;
    private Arena ownerArena;
    private Pipeline owner;
    private LoopbackPort ownerWan;

    @Override
    void build() {
        lan = new LoopbackPort(LAN, "lan", 0x02_00_00_00_01_01L);
        wan = new LoopbackPort(WAN, "wan", 0x02_00_00_00_FF_01L);
        lanContext = new PortContext(lan, 0, portCounters(lan.name(), LAN));
        final FramePool pool = new FramePool(frames.memory());
        if (workers == 1) {
            pipeline = new Pipeline(tables(lanContext, wan, true), pool, PuntHandler.NONE, ProbeReplyListener.NONE);
            return;
        }
        final HandoffMesh mesh = new HandoffMesh(workers, sa.countersManager());
        final int ownerIndex = SaOwners.ofTunnel(BenchSa.TUNNEL_ID, workers);
        pipeline = new Pipeline(tables(lanContext, wan, false), pool, PuntHandler.NONE, ProbeReplyListener.NONE,
                mesh.worker(ownerIndex == 0 ? 1 : 0));
        ownerArena = Arena.ofShared();
        final FramePool ownerPool = new FramePool(FrameMemory.allocate(ownerArena, frames.memory().frameSize(),
                2 * FrameBatch.CAPACITY, frames.memory().headroom()));
        ownerWan = new LoopbackPort(WAN, "wan", 0x02_00_00_00_FF_01L, ownerPool);
        final LoopbackPort ownerLan = new LoopbackPort(LAN, "lan", 0x02_00_00_00_01_01L, ownerPool);
        owner = new Pipeline(tables(new PortContext(ownerLan, 0, portCounters(lan.name(), LAN)), ownerWan, true),
                ownerPool, PuntHandler.NONE, ProbeReplyListener.NONE, mesh.worker(ownerIndex));
    }

    /** A worker's tables: both ports, the route into the tunnel and, on its owner, the tunnel with its SA. */
    private ForwardingTables tables(final PortContext lanPort, final LoopbackPort wanPort, final boolean ownsSa) {
        final ForwardingTables tables = new ForwardingTables();
        tables.addPort(lanPort);
        tables.addPort(new PortContext(wanPort, 0, portCounters(wanPort.name(), WAN)));
        tables.virtualRouter(0).add(IpPrefix.parse(PacketFrames.DESTINATION_NETWORK), 10,
                Adjacency.tunnel(sa.tunnel()));
        if (ownsSa) {
            tables.addTunnel(sa.tunnel());
            final OutboundSa outbound = sa.outbound(suite.provider());
            outbound.nextHop(WAN, PEER_MAC);
            tables.addOutbound(outbound);
        }
        return tables;
    }

    private TrafficCounters portCounters(final String name, final int id) {
        return sa.counters(CounterTypes.PORT_TRAFFIC, CounterTypes.PORT_DROP, "port " + name, id);
    }

    /** The NIC's part: the frames' headers as received (the last batch left with TTL and headers changed). */
    @Setup(Level.Invocation)
    public void receive() {
        for (int i = 0; i < PacketFrames.BATCH; i++) {
            frames.restoreHeaders(i);
            rx.add(frames.frameStart(i), frames.frameLength());
        }
    }

    @Benchmark
    @OperationsPerInvocation(PacketFrames.BATCH)
    public int pipeline() {
        offered += PacketFrames.BATCH;
        int work = pipeline.process(lanContext, rx);
        if (owner != null) {
            // A ring read stops where the ring wraps; the rest waits for the next read, as in a worker's next cycle.
            int taken;
            do {
                taken = owner.takeOver(FrameBatch.CAPACITY);
                work += taken;
            } while (taken > 0);
        }
        return work;
    }

    @TearDown(Level.Iteration)
    public void checkAllTransmitted() {
        final long transmitted = (owner == null ? wan : ownerWan).transmitted();
        if (transmitted != offered) {
            throw new IllegalStateException((offered - transmitted) + " frames did not leave by the WAN port ("
                    + lan.recycled() + " dropped, punted or handed over) for " + suite + " " + size + " B, "
                    + workers + " workers");
        }
    }

    @TearDown(Level.Trial)
    public void freeOwnerFrames() {
        if (ownerArena != null) {
            ownerArena.close();
        }
    }
}
