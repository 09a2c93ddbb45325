package io.xgate.dataplane.packet;

import java.lang.foreign.MemorySegment;

/** Flyweight over a GRE header (RFC 2784, with the RFC 2890 key and sequence options). */
public final class GreHeader {
    public static final int BASE = 4;
    public static final int TYPE_IPV4 = 0x0800;
    public static final int TYPE_IPV6 = 0x86DD;
    private static final int CHECKSUM = 0x8000;
    private static final int KEY = 0x2000;
    private static final int SEQUENCE = 0x1000;
    private static final int VERSION = 0x7;

    private MemorySegment segment;
    private long offset;

    /** @return false when truncated, or not version 0. */
    public boolean wrap(final MemorySegment segment, final long offset, final long limit) {
        this.segment = segment;
        this.offset = offset;
        return limit - offset >= BASE && (flags() & VERSION) == 0 && offset + length() <= limit;
    }

    public int flags() {
        return Wire.u16(segment, offset);
    }

    public int protocolType() {
        return Wire.u16(segment, offset + 2);
    }

    /** Header length with whichever optional checksum, key and sequence fields the flags announce. */
    public int length() {
        final int f = flags();
        return BASE + ((f & CHECKSUM) != 0 ? 4 : 0) + ((f & KEY) != 0 ? 4 : 0) + ((f & SEQUENCE) != 0 ? 4 : 0);
    }

    public long payloadOffset() {
        return offset + length();
    }

    /** A header without options in front of an inner packet of the given IP family. */
    public static void write(final MemorySegment s, final long off, final int family) {
        Wire.u16(s, off, 0);
        Wire.u16(s, off + 2, family == IpAddress.V4 ? TYPE_IPV4 : TYPE_IPV6);
    }
}
