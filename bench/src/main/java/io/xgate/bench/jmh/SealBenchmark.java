package io.xgate.bench.jmh;

import io.xgate.dataplane.crypto.EspCipher;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;

/** Baseline for encapsulation, one op: {@link EspCipher#seal} (IV, encryption in place, ICV). */
public class SealBenchmark extends BareCipherState {
    @Benchmark
    @OperationsPerInvocation(PacketFrames.BATCH)
    public long seal() {
        for (int i = 0; i < PacketFrames.BATCH; i++) {
            cipher.seal(frames.segment(), espStart(i), textLength, ++seq);
        }
        return seq;
    }
}
