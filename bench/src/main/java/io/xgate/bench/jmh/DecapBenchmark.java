package io.xgate.bench.jmh;

import io.xgate.dataplane.esp.Decapsulator;
import io.xgate.dataplane.esp.Encapsulator;
import io.xgate.dataplane.packet.Ipv4Packet;
import io.xgate.dataplane.packet.PacketBuffer;
import io.xgate.dataplane.packet.Wire;
import io.xgate.dataplane.sa.InboundSa;
import io.xgate.dataplane.sa.OutboundSa;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Setup;

/**
 * One op: {@link Decapsulator#esp} of a fresh ESP packet — replay check, ICV check and decryption, window
 * update, trailer, selectors, ECN — in place.
 *
 * <p>Every invocation gets packets with new, increasing sequence numbers, so the replay window accepts each
 * exactly once as it would live traffic. No pristine copy is needed: decapsulation leaves the inner packet
 * where it was, and the unmeasured setup encapsulates it again.
 */
public class DecapBenchmark extends EngineState {
    private final Encapsulator sender = new Encapsulator();
    private final Decapsulator decapsulator = new Decapsulator();
    private final PacketBuffer pkt = new PacketBuffer();
    private final long[] outerStart = new long[PacketFrames.BATCH];
    private final int[] outerLength = new int[PacketFrames.BATCH];
    private final int[] outerTos = new int[PacketFrames.BATCH];
    private OutboundSa peer;
    private InboundSa inbound;

    @Override
    void build() {
        peer = sa.outbound(suite.preparer());
        inbound = sa.inbound(suite.provider());
    }

    @Setup(Level.Invocation)
    public void receive() {
        for (int i = 0; i < PacketFrames.BATCH; i++) {
            frames.wrapIp(pkt, i);
            if (sender.encapsulate(pkt, peer) != null) {
                throw new IllegalStateException("the peer could not encapsulate a " + size + "-byte packet");
            }
            outerStart[i] = pkt.start();
            outerLength[i] = pkt.length();
            outerTos[i] = Wire.u8(pkt.memory(), pkt.start() + 1);
        }
    }

    @Benchmark
    @OperationsPerInvocation(PacketFrames.BATCH)
    public int decap() {
        int failed = 0;
        for (int i = 0; i < PacketFrames.BATCH; i++) {
            final long outer = outerStart[i];
            frames.wrap(pkt, i, outer, outerLength[i]);
            if (decapsulator.esp(pkt, outer, outer + Ipv4Packet.MIN_HEADER, outerTos[i], inbound) != null) {
                failed++;
            }
        }
        failed(failed);
        return failed;
    }
}
