package io.xgate.dataplane.packet;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/** Network-order (big-endian, unaligned) accessors shared by every flyweight. */
public final class Wire {
    public static final ValueLayout.OfShort U16 = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
    public static final ValueLayout.OfInt U32 = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
    public static final ValueLayout.OfLong U64 = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);

    private Wire() {
    }

    public static int u8(final MemorySegment s, final long off) {
        return s.get(ValueLayout.JAVA_BYTE, off) & 0xFF;
    }

    public static void u8(final MemorySegment s, final long off, final int v) {
        s.set(ValueLayout.JAVA_BYTE, off, (byte) v);
    }

    public static int u16(final MemorySegment s, final long off) {
        return s.get(U16, off) & 0xFFFF;
    }

    public static void u16(final MemorySegment s, final long off, final int v) {
        s.set(U16, off, (short) v);
    }

    public static int u32(final MemorySegment s, final long off) {
        return s.get(U32, off);
    }

    public static void u32(final MemorySegment s, final long off, final int v) {
        s.set(U32, off, v);
    }

    public static long u64(final MemorySegment s, final long off) {
        return s.get(U64, off);
    }

    public static void u64(final MemorySegment s, final long off, final long v) {
        s.set(U64, off, v);
    }

    /** 48-bit MAC address held in the low bits of a long. */
    public static long mac(final MemorySegment s, final long off) {
        return ((long) u16(s, off) << 32) | (u32(s, off + 2) & 0xFFFF_FFFFL);
    }

    public static void mac(final MemorySegment s, final long off, final long mac) {
        u16(s, off, (int) (mac >>> 32));
        u32(s, off + 2, (int) mac);
    }
}
