package io.xgate.dataplane.crypto.jdk;

import io.xgate.dataplane.crypto.GcmEngine;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-GCM through {@code javax.crypto}. The JDK refuses to reuse a GCM init, so every packet pays an
 * {@code init} with a fresh {@link GCMParameterSpec} (~1 KB of garbage); text is staged through heap arrays
 * and decrypted out of place, which keeps the JDK's combined AES-GCM intrinsic in play.
 * A forged packet costs an {@link AEADBadTagException} inside the JDK; it is caught here and never escapes.
 */
public final class JdkGcmEngine implements GcmEngine {
    private static final int TAG_BITS = TAG_LENGTH * 8;

    private final Cipher cipher;
    private final SecretKeySpec key;
    private final byte[] nonce = new byte[NONCE_LENGTH];
    private byte[] aad = new byte[16];
    private byte[] in = new byte[Staging.INITIAL_BYTES];
    private byte[] out = new byte[Staging.INITIAL_BYTES];

    /** @param aesKey 16, 24 or 32 bytes; copied. */
    public JdkGcmEngine(final byte[] aesKey) {
        try {
            this.key = new SecretKeySpec(aesKey, "AES");
            this.cipher = Cipher.getInstance("AES/GCM/NoPadding");
            // Decrypt mode: validates the key without consuming a nonce (encrypt mode refuses a repeated one).
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, new byte[NONCE_LENGTH]));
        } catch (final GeneralSecurityException e) {
            throw new IllegalArgumentException("AES-GCM unavailable for a " + aesKey.length + "-byte key", e);
        }
    }

    @Override
    public boolean needsNativeSegments() {
        return false;
    }

    @Override
    public void seal(final MemorySegment nonceSegment, final MemorySegment aadSegment, final int aadLength,
                     final MemorySegment data, final long textOffset, final int textLength, final long tagOffset) {
        in = Staging.fit(in, textLength);
        out = Staging.fit(out, textLength + TAG_LENGTH);
        MemorySegment.copy(data, ValueLayout.JAVA_BYTE, textOffset, in, 0, textLength);
        try {
            start(Cipher.ENCRYPT_MODE, nonceSegment, aadSegment, aadLength);
            cipher.doFinal(in, 0, textLength, out, 0);
        } catch (final GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
        MemorySegment.copy(out, 0, data, ValueLayout.JAVA_BYTE, textOffset, textLength);
        MemorySegment.copy(out, textLength, data, ValueLayout.JAVA_BYTE, tagOffset, TAG_LENGTH);
    }

    @Override
    public boolean open(final MemorySegment nonceSegment, final MemorySegment aadSegment, final int aadLength,
                        final MemorySegment data, final long textOffset, final int textLength, final long tagOffset) {
        in = Staging.fit(in, textLength + TAG_LENGTH);
        out = Staging.fit(out, textLength + TAG_LENGTH);
        MemorySegment.copy(data, ValueLayout.JAVA_BYTE, textOffset, in, 0, textLength);
        MemorySegment.copy(data, ValueLayout.JAVA_BYTE, tagOffset, in, textLength, TAG_LENGTH);
        try {
            start(Cipher.DECRYPT_MODE, nonceSegment, aadSegment, aadLength);
            cipher.doFinal(in, 0, textLength + TAG_LENGTH, out, 0);
        } catch (final AEADBadTagException e) {
            return false;
        } catch (final GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM decryption failed", e);
        }
        MemorySegment.copy(out, 0, data, ValueLayout.JAVA_BYTE, textOffset, textLength);
        return true;
    }

    private void start(final int mode, final MemorySegment nonceSegment, final MemorySegment aadSegment,
                       final int aadLength) throws GeneralSecurityException {
        MemorySegment.copy(nonceSegment, ValueLayout.JAVA_BYTE, 0, nonce, 0, NONCE_LENGTH);
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        if (aadLength > 0) {
            aad = Staging.fit(aad, aadLength);
            MemorySegment.copy(aadSegment, ValueLayout.JAVA_BYTE, 0, aad, 0, aadLength);
            cipher.updateAAD(aad, 0, aadLength);
        }
    }

    /** Wipes the staging arrays; the JDK's expanded key inside {@link Cipher} cannot be reached and waits for GC. */
    @Override
    public void close() {
        Arrays.fill(in, (byte) 0);
        Arrays.fill(out, (byte) 0);
        Arrays.fill(aad, (byte) 0);
        Arrays.fill(nonce, (byte) 0);
    }

    @Override
    public String toString() {
        return "JdkGcmEngine";
    }
}
