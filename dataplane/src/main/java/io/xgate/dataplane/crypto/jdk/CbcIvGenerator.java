package io.xgate.dataplane.crypto.jdk;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * Unpredictable CBC IVs without a random-number call per packet (RFC 3602 §3 requires unpredictability):
 * IV = AES-128_K(0^64 || seq), truncated to the IV length, with K a random key of this SA alone that never
 * leaves this object. Sequence numbers never repeat under one SA, so the IVs are distinct outputs of a
 * pseudo-random permutation: unpredictable to anyone without K, and no per-packet allocation.
 */
final class CbcIvGenerator {
    private static final int BLOCK = 16;

    private final Cipher ecb;
    private final byte[] counter = new byte[BLOCK];
    private final byte[] block = new byte[BLOCK];

    CbcIvGenerator(final SecureRandom random) {
        final byte[] ivKey = new byte[16];
        random.nextBytes(ivKey);
        try {
            this.ecb = Cipher.getInstance("AES/ECB/NoPadding");
            ecb.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(ivKey, "AES"));
        } catch (final GeneralSecurityException e) {
            throw new IllegalStateException("AES-ECB unavailable for IV generation", e);
        } finally {
            Arrays.fill(ivKey, (byte) 0);
        }
    }

    void write(final long seq, final byte[] dst, final int offset, final int ivLength) {
        for (int i = 0; i < 8; i++) {
            counter[BLOCK - 1 - i] = (byte) (seq >>> (8 * i));
        }
        try {
            ecb.doFinal(counter, 0, BLOCK, block, 0);
        } catch (final GeneralSecurityException e) {
            throw new IllegalStateException("IV generation failed", e);
        }
        System.arraycopy(block, 0, dst, offset, ivLength);
    }

    void wipe() {
        Arrays.fill(block, (byte) 0);
    }
}
