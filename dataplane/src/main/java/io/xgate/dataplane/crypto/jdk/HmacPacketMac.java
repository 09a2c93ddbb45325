package io.xgate.dataplane.crypto.jdk;

import io.xgate.dataplane.crypto.IntegrityAlgorithm;
import io.xgate.dataplane.crypto.PacketMac;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;

/** AH's truncated HMAC over a frame region, staged through one heap array. */
final class HmacPacketMac implements PacketMac {
    private final TruncatedIcv icv;
    private boolean closed;
    private byte[] staged = new byte[Staging.INITIAL_BYTES];

    HmacPacketMac(final IntegrityAlgorithm algorithm, final byte[] key) {
        this.icv = new TruncatedIcv(algorithm, key);
    }

    @Override
    public IntegrityAlgorithm algorithm() {
        return icv.algorithm();
    }

    @Override
    public int icvLength() {
        return icv.length();
    }

    @Override
    public void compute(final MemorySegment frame, final long offset, final int length, final boolean esn,
                        final int seqHi, final MemorySegment out, final long outOffset) {
        ensureOpen();
        mac(frame, offset, length, esn, seqHi);
        icv.write(out, outOffset);
    }

    @Override
    public boolean verify(final MemorySegment frame, final long offset, final int length, final boolean esn,
                          final int seqHi, final long icvOffset) {
        ensureOpen();
        if (offset < 0 || length < 0 || offset + length > frame.byteSize()
                || icvOffset < 0 || icvOffset + icv.length() > frame.byteSize()) {
            return false;
        }
        mac(frame, offset, length, esn, seqHi);
        return icv.matches(frame, icvOffset);
    }

    private void mac(final MemorySegment frame, final long offset, final int length, final boolean esn,
                     final int seqHi) {
        staged = Staging.fit(staged, length);
        MemorySegment.copy(frame, ValueLayout.JAVA_BYTE, offset, staged, 0, length);
        icv.compute(staged, 0, length, esn, seqHi);
    }

    /** A wiped key must not keep protecting packets (it would MAC with zeros): use after close is a bug. */
    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("used after close");
        }
    }

    @Override
    public void close() {
        closed = true;
        icv.wipe();
        Arrays.fill(staged, (byte) 0);
    }

    @Override
    public String toString() {
        return "HmacPacketMac[" + icv.algorithm().configName() + "]";
    }
}
