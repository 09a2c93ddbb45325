package io.xgate.controlplane.ike.crypto;

/**
 * prf+ (RFC 7296 §2.13): T1 = prf(K, S | 0x01), Tn = prf(K, Tn-1 | S | n), output T1 | T2 | ...,
 * at most 255 blocks.
 */
public final class PrfPlus {
    private static final int MAX_BLOCKS = 255;

    private PrfPlus() {
    }

    public static byte[] expand(final Prf prf, final byte[] key, final byte[] seed, final int length) {
        final int blocks = (length + prf.outputLength() - 1) / prf.outputLength();
        if (blocks > MAX_BLOCKS) {
            throw new IllegalArgumentException("prf+ yields at most 255 blocks; " + length + " bytes asked");
        }
        final byte[] out = new byte[length];
        byte[] previous = new byte[0];
        for (int n = 1, at = 0; at < length; n++) {
            previous = prf.compute(key, previous, seed, new byte[] {(byte) n});
            final int take = Math.min(previous.length, length - at);
            System.arraycopy(previous, 0, out, at, take);
            at += take;
        }
        return out;
    }
}
