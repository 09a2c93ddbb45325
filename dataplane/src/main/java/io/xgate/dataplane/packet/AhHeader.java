package io.xgate.dataplane.packet;

import java.lang.foreign.MemorySegment;

/** Flyweight over an Authentication Header (RFC 4302 §2): next header, length, SPI, sequence, ICV. */
public final class AhHeader {
    public static final int FIXED = 12;

    private MemorySegment segment;
    private long offset;

    /** @return false when truncated or the payload length points beyond the bytes present. */
    public boolean wrap(final MemorySegment segment, final long offset, final long limit) {
        this.segment = segment;
        this.offset = offset;
        return limit - offset >= FIXED && length() >= FIXED && offset + length() <= limit;
    }

    public int nextHeader() {
        return Wire.u8(segment, offset);
    }

    /** Whole header length in bytes: the payload-length field counts 32-bit words minus 2. */
    public int length() {
        return (Wire.u8(segment, offset + 1) + 2) << 2;
    }

    public int spi() {
        return Wire.u32(segment, offset + 4);
    }

    public int sequence() {
        return Wire.u32(segment, offset + 8);
    }

    public long icvOffset() {
        return offset + FIXED;
    }

    /** ICV field bytes, padding included. */
    public int icvFieldLength() {
        return length() - FIXED;
    }

    public long payloadOffset() {
        return offset + length();
    }
}
