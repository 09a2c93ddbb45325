package io.xgate.bench.jmh;

import io.xgate.dataplane.crypto.EspCipher;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The baseline: the suite's {@link EspCipher} alone, with the SA's keys, on the same frames and text lengths
 * as encapsulation produces — no outer header, trailer, sequence number or replay window.
 */
public abstract class BareCipherState extends EngineState {
    private static final int SPI_AND_SEQ = 8;

    EspCipher cipher;
    /** Payload + padding + pad length + next header, rounded to the block as encapsulation rounds it. */
    int textLength;
    /** Sequence numbers only have to be new per packet (GCM nonces, and the JDK refuses a repeated one). */
    long seq;

    @Override
    void build() {
        cipher = sa.cipher(suite.provider());
        final int block = cipher.blockSize();
        textLength = (size + 2 + block - 1) / block * block;
    }

    /** The ESP header of frame i sits where encapsulation puts it: the text starts at the inner packet. */
    final long espStart(final int i) {
        return frames.ipStart(i) - SPI_AND_SEQ - cipher.ivLength();
    }

    @TearDown(Level.Trial)
    public void closeCipher() {
        cipher.close();
    }
}
