package io.xgate.dataplane.packet;

import java.lang.foreign.MemorySegment;

/** Flyweight over an IPv4 header (RFC 791), options allowed; lengths checked on wrap. */
public final class Ipv4Packet {
    public static final int MIN_HEADER = 20;
    public static final int FLAG_DF = 0x4000;
    private static final int FRAGMENT_MASK = 0x3FFF; // MF + offset

    private MemorySegment segment;
    private long offset;

    /**
     * @return false when the header is truncated, not version 4, or its lengths lie about the bytes present.
     */
    public boolean wrap(final MemorySegment segment, final long offset, final long limit) {
        this.segment = segment;
        this.offset = offset;
        final long available = limit - offset;
        if (available < MIN_HEADER) {
            return false;
        }
        final int vihl = Wire.u8(segment, offset);
        final int ihl = (vihl & 0xF) << 2;
        final int total = Wire.u16(segment, offset + 2);
        return (vihl >>> 4) == 4 && ihl >= MIN_HEADER && total >= ihl && total <= available;
    }

    public MemorySegment segment() {
        return segment;
    }

    public long offset() {
        return offset;
    }

    public int headerLength() {
        return (Wire.u8(segment, offset) & 0xF) << 2;
    }

    public long payloadOffset() {
        return offset + headerLength();
    }

    public int totalLength() {
        return Wire.u16(segment, offset + 2);
    }

    public int tos() {
        return Wire.u8(segment, offset + 1);
    }

    public int flagsAndFragment() {
        return Wire.u16(segment, offset + 6);
    }

    public boolean isFragment() {
        return (flagsAndFragment() & FRAGMENT_MASK) != 0;
    }

    public boolean dontFragment() {
        return (flagsAndFragment() & FLAG_DF) != 0;
    }

    public int ttl() {
        return Wire.u8(segment, offset + 8);
    }

    public int protocol() {
        return Wire.u8(segment, offset + 9);
    }

    public int source() {
        return Wire.u32(segment, offset + 12);
    }

    public int destination() {
        return Wire.u32(segment, offset + 16);
    }

    public boolean checksumValid() {
        return Checksum.compute(segment, offset, headerLength()) == 0;
    }

    /** Sets the TOS byte, keeping the checksum right incrementally. */
    public void tos(final int tos) {
        final int oldWord = Wire.u16(segment, offset);
        Wire.u8(segment, offset + 1, tos);
        patchChecksum(oldWord, Wire.u16(segment, offset));
    }

    /** Decrements the TTL (caller checked it is > 1), keeping the checksum right incrementally. */
    public void decrementTtl() {
        final int oldWord = Wire.u16(segment, offset + 8);
        Wire.u8(segment, offset + 8, ttl() - 1);
        patchChecksum(oldWord, Wire.u16(segment, offset + 8));
    }

    private void patchChecksum(final int oldWord, final int newWord) {
        Wire.u16(segment, offset + 10, Checksum.update(Wire.u16(segment, offset + 10), oldWord, newWord));
    }

    /** Writes a 20-byte header without options at {@code off} and its checksum. */
    public static void write(final MemorySegment s, final long off, final int tos, final int totalLength, final int id,
                             final int flagsAndFragment, final int ttl, final int protocol, final int src, final int dst) {
        Wire.u16(s, off, 0x4500 | (tos & 0xFF));
        Wire.u16(s, off + 2, totalLength);
        Wire.u16(s, off + 4, id);
        Wire.u16(s, off + 6, flagsAndFragment);
        Wire.u16(s, off + 8, (ttl << 8) | protocol);
        Wire.u16(s, off + 10, 0);
        Wire.u32(s, off + 12, src);
        Wire.u32(s, off + 16, dst);
        Wire.u16(s, off + 10, Checksum.compute(s, off, MIN_HEADER));
    }
}
