package io.xgate.bench.jmh;

import io.xgate.dataplane.esp.Encapsulator;
import io.xgate.dataplane.packet.PacketBuffer;
import io.xgate.dataplane.sa.OutboundSa;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Setup;

/** One op: {@link Encapsulator#encapsulate} of an inner packet into tunnel-mode ESP, in place. */
public class EncapBenchmark extends EngineState {
    private final Encapsulator encapsulator = new Encapsulator();
    private final PacketBuffer pkt = new PacketBuffer();
    private OutboundSa outbound;

    @Override
    void build() {
        outbound = sa.outbound(suite.provider());
    }

    /** The previous invocation encrypted the inner headers that encapsulation reads; unmeasured. */
    @Setup(Level.Invocation)
    public void receive() {
        for (int i = 0; i < PacketFrames.BATCH; i++) {
            frames.restoreHeaders(i);
        }
    }

    @Benchmark
    @OperationsPerInvocation(PacketFrames.BATCH)
    public int encap() {
        int failed = 0;
        for (int i = 0; i < PacketFrames.BATCH; i++) {
            frames.wrapIp(pkt, i);
            if (encapsulator.encapsulate(pkt, outbound) != null) {
                failed++;
            }
        }
        failed(failed);
        return failed;
    }
}
