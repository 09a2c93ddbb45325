package io.xgate.bench.jmh;

import io.xgate.dataplane.counters.CounterTypes;
import io.xgate.dataplane.counters.TrafficCounters;
import io.xgate.dataplane.packet.IpPrefix;
import io.xgate.dataplane.port.FrameBatch;
import io.xgate.dataplane.port.FramePool;
import io.xgate.dataplane.route.Adjacency;
import io.xgate.dataplane.sa.OutboundSa;
import io.xgate.dataplane.worker.ForwardingTables;
import io.xgate.dataplane.worker.Pipeline;
import io.xgate.dataplane.worker.PortContext;
import io.xgate.dataplane.worker.ProbeReplyListener;
import io.xgate.dataplane.worker.PuntHandler;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One op: one frame through {@link Pipeline#process} from the LAN port to the WAN port, in batches of 64 —
 * Ethernet and IPv4 parsing and checksum, route lookup into the tunnel, SA selection, TTL, ESP encapsulation,
 * Ethernet header, counters and transmit — on zero-copy {@link LoopbackPort}s.
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

    @Override
    void build() {
        final ForwardingTables tables = new ForwardingTables();
        lan = new LoopbackPort(LAN, "lan", 0x02_00_00_00_01_01L);
        wan = new LoopbackPort(WAN, "wan", 0x02_00_00_00_FF_01L);
        lanContext = new PortContext(lan, 0, portCounters(lan.name(), LAN));
        tables.addPort(lanContext);
        tables.addPort(new PortContext(wan, 0, portCounters(wan.name(), WAN)));
        tables.addTunnel(sa.tunnel());
        tables.virtualRouter(0).add(IpPrefix.parse(PacketFrames.DESTINATION_NETWORK), 10,
                Adjacency.tunnel(sa.tunnel()));
        final OutboundSa outbound = sa.outbound(suite.provider());
        outbound.nextHop(WAN, PEER_MAC);
        tables.addOutbound(outbound);
        pipeline = new Pipeline(tables, new FramePool(frames.memory()), PuntHandler.NONE, ProbeReplyListener.NONE);
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
        return pipeline.process(lanContext, rx);
    }

    @TearDown(Level.Iteration)
    public void checkAllTransmitted() {
        if (wan.transmitted() != offered) {
            throw new IllegalStateException((offered - wan.transmitted()) + " frames did not leave by the WAN port ("
                    + lan.recycled() + " dropped or punted) for " + suite + " " + size + " B");
        }
    }
}
