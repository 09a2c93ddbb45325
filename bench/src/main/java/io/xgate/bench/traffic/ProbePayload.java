package io.xgate.bench.traffic;

import io.xgate.dataplane.packet.Wire;
import java.lang.foreign.MemorySegment;

/**
 * What every generated frame carries right after its UDP header, in network order:
 * magic (u16) | stream id (u16) | sequence number (u64) | send time (u48, System.nanoTime's low 48 bits).
 * 18 bytes, which is all a 64-byte IPv4 frame leaves after Ethernet, IPv4 and UDP headers and the FCS; the
 * 48-bit timestamp wraps after 78 hours, so latencies are taken modulo 2^48.
 */
public final class ProbePayload {
    public static final int LENGTH = 18;
    public static final int MAGIC = 0x5847; // "XG"
    static final int MAGIC_AT = 0;
    static final int STREAM_AT = 2;
    static final int SEQUENCE_AT = 4;
    static final int TIMESTAMP_AT = 12;
    static final long TIMESTAMP_MASK = (1L << 48) - 1;

    private ProbePayload() {
    }

    static void writeHeader(final MemorySegment s, final long at, final int stream) {
        Wire.u16(s, at + MAGIC_AT, MAGIC);
        Wire.u16(s, at + STREAM_AT, stream);
    }

    static void writeSequence(final MemorySegment s, final long at, final long sequence) {
        s.set(Wire.U64, at + SEQUENCE_AT, sequence);
    }

    static void writeTimestamp(final MemorySegment s, final long at, final long nanoTime) {
        Wire.u16(s, at + TIMESTAMP_AT, (int) (nanoTime >>> 32));
        Wire.u32(s, at + TIMESTAMP_AT + 2, (int) nanoTime);
    }

    static boolean hasMagic(final MemorySegment s, final long at) {
        return Wire.u16(s, at + MAGIC_AT) == MAGIC;
    }

    static int stream(final MemorySegment s, final long at) {
        return Wire.u16(s, at + STREAM_AT);
    }

    static long sequence(final MemorySegment s, final long at) {
        return s.get(Wire.U64, at + SEQUENCE_AT);
    }

    /** Nanoseconds from the stamped send time to {@code nanoTime}, modulo 2^48. */
    static long age(final MemorySegment s, final long at, final long nanoTime) {
        final long sent = ((long) Wire.u16(s, at + TIMESTAMP_AT) << 32) | (Wire.u32(s, at + TIMESTAMP_AT + 2) & 0xFFFF_FFFFL);
        return (nanoTime - sent) & TIMESTAMP_MASK;
    }
}
