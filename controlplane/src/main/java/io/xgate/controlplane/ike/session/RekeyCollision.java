package io.xgate.controlplane.ike.session;

import io.xgate.controlplane.ike.wire.Bytes;

import java.util.Arrays;

/**
 * RFC 7296 §2.8.1: when both peers rekey the same SA at once, two new SAs exist; the one created by the exchange
 * holding the lowest of the four nonces is redundant and is deleted by the peer that initiated that exchange.
 */
final class RekeyCollision {
    private RekeyCollision() {
    }

    /** Whether our exchange (nonces {@code ourNi}, {@code ourNr}) created the redundant SA. */
    static boolean oursIsRedundant(final Bytes ourNi, final Bytes ourNr, final Bytes theirNi, final Bytes theirNr) {
        return compare(lowest(ourNi, ourNr), lowest(theirNi, theirNr)) < 0;
    }

    private static Bytes lowest(final Bytes a, final Bytes b) {
        return compare(a, b) <= 0 ? a : b;
    }

    /** Nonces compared as unsigned big-endian octet strings. */
    private static int compare(final Bytes a, final Bytes b) {
        return Arrays.compareUnsigned(a.toArray(), b.toArray());
    }
}
