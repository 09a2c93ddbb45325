package io.xgate.dataplane.crypto;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/** ICV comparisons whose running time does not depend on where the first difference is. */
public final class ConstantTime {
    private ConstantTime() {
    }

    public static boolean equals(final byte[] a, final int aOffset, final byte[] b, final int bOffset,
                                 final int length) {
        int diff = 0;
        for (int i = 0; i < length; i++) {
            diff |= a[aOffset + i] ^ b[bOffset + i];
        }
        return diff == 0;
    }

    public static boolean equals(final MemorySegment a, final long aOffset, final MemorySegment b,
                                 final long bOffset, final int length) {
        int diff = 0;
        for (int i = 0; i < length; i++) {
            diff |= a.get(ValueLayout.JAVA_BYTE, aOffset + i) ^ b.get(ValueLayout.JAVA_BYTE, bOffset + i);
        }
        return diff == 0;
    }
}
