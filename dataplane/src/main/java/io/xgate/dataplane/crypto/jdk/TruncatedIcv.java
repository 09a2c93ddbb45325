package io.xgate.dataplane.crypto.jdk;

import io.xgate.dataplane.crypto.ConstantTime;
import io.xgate.dataplane.crypto.IntegrityAlgorithm;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;

/**
 * The ESP/AH integrity check value: HMAC of a staged region, followed by the ESN high half when the SA
 * uses ESN (RFC 4303 §3.3.2.1, RFC 4302 §2.5.1; seqHi is hashed but never sent), truncated.
 */
final class TruncatedIcv {
    private final IntegrityAlgorithm algorithm;
    private final Hmac hmac;
    private final byte[] mac;
    private final byte[] received;
    private final byte[] seqHiBytes = new byte[4];

    TruncatedIcv(final IntegrityAlgorithm algorithm, final byte[] key) {
        this.algorithm = algorithm;
        this.hmac = new Hmac(algorithm, key);
        this.mac = new byte[hmac.macLength()];
        this.received = new byte[algorithm.icvLength()];
    }

    IntegrityAlgorithm algorithm() {
        return algorithm;
    }

    int length() {
        return received.length;
    }

    void compute(final byte[] staged, final int offset, final int length, final boolean esn, final int seqHi) {
        hmac.update(staged, offset, length);
        if (esn) {
            seqHiBytes[0] = (byte) (seqHi >>> 24);
            seqHiBytes[1] = (byte) (seqHi >>> 16);
            seqHiBytes[2] = (byte) (seqHi >>> 8);
            seqHiBytes[3] = (byte) seqHi;
            hmac.update(seqHiBytes, 0, 4);
        }
        hmac.finish(mac, 0);
    }

    /** Copies the last computed ICV to dst. */
    void write(final MemorySegment dst, final long offset) {
        MemorySegment.copy(mac, 0, dst, ValueLayout.JAVA_BYTE, offset, received.length);
    }

    /** Constant-time comparison of the last computed ICV with the one stored at src[offset]. */
    boolean matches(final MemorySegment src, final long offset) {
        MemorySegment.copy(src, ValueLayout.JAVA_BYTE, offset, received, 0, received.length);
        return ConstantTime.equals(mac, 0, received, 0, received.length);
    }

    void wipe() {
        hmac.wipe();
        Arrays.fill(mac, (byte) 0);
    }
}
