package io.xgate.dataplane.packet;

import java.lang.foreign.MemorySegment;

/** RFC 1071 Internet checksum, summed 32 bits at a time. */
public final class Checksum {
    private Checksum() {
    }

    /** One's-complement sum of [off, off+len), not yet folded or inverted; add to {@code initial}. */
    public static long sum(final MemorySegment s, final long off, final int len, final long initial) {
        long sum = initial;
        long p = off;
        final long end4 = off + (len & ~3);
        while (p < end4) {
            sum += Wire.u32(s, p) & 0xFFFF_FFFFL;
            p += 4;
        }
        if ((len & 2) != 0) {
            sum += Wire.u16(s, p);
            p += 2;
        }
        if ((len & 1) != 0) {
            sum += Wire.u8(s, p) << 8;
        }
        return sum;
    }

    /** Folds a running sum to 16 bits and inverts it: the value to store in a checksum field. */
    public static int finish(final long sum) {
        long s = sum;
        while ((s >>> 16) != 0) {
            s = (s & 0xFFFF) + (s >>> 16);
        }
        return (int) (~s & 0xFFFF);
    }

    public static int compute(final MemorySegment s, final long off, final int len) {
        return finish(sum(s, off, len, 0));
    }

    /** RFC 1624 eqn. 3: the checksum after one 16-bit word changed from {@code oldWord} to {@code newWord}. */
    public static int update(final int checksum, final int oldWord, final int newWord) {
        long sum = (~checksum & 0xFFFF) + (~oldWord & 0xFFFF) + (newWord & 0xFFFF);
        sum = (sum & 0xFFFF) + (sum >>> 16);
        sum = (sum & 0xFFFF) + (sum >>> 16);
        return (int) (~sum & 0xFFFF);
    }
}
