package io.xgate.dataplane.packet;

import java.lang.foreign.MemorySegment;

/**
 * Flyweight over an IPv6 header (RFC 8200). {@link #wrap} also walks the extension headers that may precede
 * the upper layer (hop-by-hop, routing, fragment, destination options) so callers see the real protocol.
 */
public final class Ipv6Packet {
    public static final int HEADER = 40;
    private static final int HOP_BY_HOP = 0;
    private static final int ROUTING = 43;
    private static final int FRAGMENT = 44;
    private static final int DEST_OPTS = 60;
    private static final int MAX_EXTENSIONS = 8;

    private MemorySegment segment;
    private long offset;
    private long upperOffset;
    private int upperProtocol;
    private boolean fragment;

    /** @return false when truncated, not version 6, a length lies, or an extension header chain is malformed. */
    public boolean wrap(final MemorySegment segment, final long offset, final long limit) {
        this.segment = segment;
        this.offset = offset;
        this.fragment = false;
        if (limit - offset < HEADER || (Wire.u8(segment, offset) >>> 4) != 6) {
            return false;
        }
        final long end = offset + HEADER + payloadLength();
        if (end > limit) {
            return false;
        }
        int next = Wire.u8(segment, offset + 6);
        long p = offset + HEADER;
        for (int i = 0; i < MAX_EXTENSIONS; i++) {
            if (next != HOP_BY_HOP && next != ROUTING && next != FRAGMENT && next != DEST_OPTS) {
                upperProtocol = next;
                upperOffset = p;
                return true;
            }
            if (p + 8 > end) {
                return false;
            }
            final int nextAfter = Wire.u8(segment, p);
            if (next == FRAGMENT) {
                fragment = true;
                p += 8;
            } else {
                p += (Wire.u8(segment, p + 1) + 1L) << 3;
            }
            next = nextAfter;
        }
        return false;
    }

    public MemorySegment segment() {
        return segment;
    }

    public long offset() {
        return offset;
    }

    public int payloadLength() {
        return Wire.u16(segment, offset + 4);
    }

    public int totalLength() {
        return HEADER + payloadLength();
    }

    public int trafficClass() {
        return (Wire.u16(segment, offset) >>> 4) & 0xFF;
    }

    public int flowLabel() {
        return Wire.u32(segment, offset) & 0xFFFFF;
    }

    public int nextHeader() {
        return Wire.u8(segment, offset + 6);
    }

    public int hopLimit() {
        return Wire.u8(segment, offset + 7);
    }

    public long sourceHigh() {
        return Wire.u64(segment, offset + 8);
    }

    public long sourceLow() {
        return Wire.u64(segment, offset + 16);
    }

    public long destinationHigh() {
        return Wire.u64(segment, offset + 24);
    }

    public long destinationLow() {
        return Wire.u64(segment, offset + 32);
    }

    /** Protocol after the extension headers. */
    public int upperProtocol() {
        return upperProtocol;
    }

    public long upperOffset() {
        return upperOffset;
    }

    public boolean isFragment() {
        return fragment;
    }

    public void trafficClass(final int tc) {
        final int word = Wire.u32(segment, offset);
        Wire.u32(segment, offset, (word & 0xF00F_FFFF) | ((tc & 0xFF) << 20));
    }

    public void decrementHopLimit() {
        Wire.u8(segment, offset + 7, hopLimit() - 1);
    }

    public static void write(final MemorySegment s, final long off, final int trafficClass, final int flowLabel,
                             final int payloadLength, final int nextHeader, final int hopLimit,
                             final long srcHi, final long srcLo, final long dstHi, final long dstLo) {
        Wire.u32(s, off, (6 << 28) | ((trafficClass & 0xFF) << 20) | (flowLabel & 0xFFFFF));
        Wire.u16(s, off + 4, payloadLength);
        Wire.u16(s, off + 6, (nextHeader << 8) | hopLimit);
        Wire.u64(s, off + 8, srcHi);
        Wire.u64(s, off + 16, srcLo);
        Wire.u64(s, off + 24, dstHi);
        Wire.u64(s, off + 32, dstLo);
    }
}
