package io.xgate.bench.jmh;

import io.xgate.dataplane.crypto.EspCipher;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/** Baseline for decapsulation, one op: {@link EspCipher#open} (ICV check, decryption in place). */
public class OpenBenchmark extends BareCipherState {
    private EspCipher sealer;

    @Override
    void build() {
        super.build();
        sealer = sa.cipher(suite.preparer());
    }

    /** Fresh ciphertext and ICV for every packet; unmeasured. */
    @Setup(Level.Invocation)
    public void receive() {
        for (int i = 0; i < PacketFrames.BATCH; i++) {
            sealer.seal(frames.segment(), espStart(i), textLength, ++seq);
        }
    }

    @Benchmark
    @OperationsPerInvocation(PacketFrames.BATCH)
    public int open() {
        int failed = 0;
        for (int i = 0; i < PacketFrames.BATCH; i++) {
            if (!cipher.open(frames.segment(), espStart(i), textLength, 0)) {
                failed++;
            }
        }
        failed(failed);
        return failed;
    }

    @TearDown(Level.Trial)
    public void closeSealer() {
        sealer.close();
    }
}
