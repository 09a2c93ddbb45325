package io.xgate.dataplane.packet;

import java.lang.foreign.MemorySegment;

/** Flyweight over an Ethernet II header. VLAN-tagged frames are reported by type and left to the caller. */
public final class EthernetFrame {
    public static final int LENGTH = 14;
    public static final int TYPE_IPV4 = 0x0800;
    public static final int TYPE_IPV6 = 0x86DD;
    public static final int TYPE_ARP = 0x0806;
    public static final int TYPE_VLAN = 0x8100;

    private MemorySegment segment;
    private long offset;

    /** @return false when fewer than 14 bytes are available. */
    public boolean wrap(final MemorySegment segment, final long offset, final long limit) {
        this.segment = segment;
        this.offset = offset;
        return limit - offset >= LENGTH;
    }

    public long offset() {
        return offset;
    }

    public long payloadOffset() {
        return offset + LENGTH;
    }

    public long destination() {
        return Wire.mac(segment, offset);
    }

    public long source() {
        return Wire.mac(segment, offset + 6);
    }

    public int etherType() {
        return Wire.u16(segment, offset + 12);
    }

    /** Writes a whole header at {@code offset} (which may lie before the wrapped one). */
    public static void write(final MemorySegment s, final long offset, final long dst, final long src, final int type) {
        Wire.mac(s, offset, dst);
        Wire.mac(s, offset + 6, src);
        Wire.u16(s, offset + 12, type);
    }
}
