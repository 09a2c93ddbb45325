package io.xgate.dataplane.packet;

import java.lang.foreign.MemorySegment;

/** Flyweight over a UDP header (RFC 768). */
public final class UdpHeader {
    public static final int LENGTH = 8;

    private MemorySegment segment;
    private long offset;

    /** @return false when truncated or the length field is below 8 or beyond the bytes present. */
    public boolean wrap(final MemorySegment segment, final long offset, final long limit) {
        this.segment = segment;
        this.offset = offset;
        if (limit - offset < LENGTH) {
            return false;
        }
        final int length = length();
        return length >= LENGTH && length <= limit - offset;
    }

    public int sourcePort() {
        return Wire.u16(segment, offset);
    }

    public int destinationPort() {
        return Wire.u16(segment, offset + 2);
    }

    public int length() {
        return Wire.u16(segment, offset + 4);
    }

    public long payloadOffset() {
        return offset + LENGTH;
    }

    public int payloadLength() {
        return length() - LENGTH;
    }
}
