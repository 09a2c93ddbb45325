package io.xgate.dataplane.crypto.jdk;

import java.util.Arrays;

/** Heap staging arrays that grow to the largest packet seen, so steady-state traffic allocates nothing. */
final class Staging {
    static final int INITIAL_BYTES = 2048;

    private Staging() {
    }

    /** Returns {@code array} when it holds {@code length} bytes, else a wiped-and-replaced larger one. */
    static byte[] fit(final byte[] array, final int length) {
        if (array.length >= length) {
            return array;
        }
        Arrays.fill(array, (byte) 0);
        return new byte[Math.max(length, Integer.highestOneBit(length - 1) << 1)];
    }
}
