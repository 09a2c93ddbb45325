package io.xgate.controlplane.ike.crypto;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;

/**
 * AES-GCM with a 16-octet ICV for SK payloads (RFC 5282): the last 4 bytes of SK_e are the salt, the nonce
 * is salt || 8-byte IV, the AAD is the message up to the end of the container's header, and no padding is
 * needed (the Pad Length octet is still present, RFC 5282 §3).
 */
final class GcmSkCipher implements SkCipher {
    private static final int SALT = 4;
    private static final int IV = 8;
    private static final int TAG = 16;

    private final Encryption encryption;
    private final SecretKeySpec key;
    private final byte[] salt;

    GcmSkCipher(final Encryption encryption, final KeyMaterial encryptionKey) {
        if (encryption.algorithm() != EncryptionTransform.AES_GCM_16) {
            throw new IllegalArgumentException(encryption.configName() + " is not AES-GCM-16");
        }
        final byte[] material = encryptionKey.bytes();
        this.encryption = encryption;
        this.key = new SecretKeySpec(material, 0, material.length - SALT, "AES");
        this.salt = Arrays.copyOfRange(material, material.length - SALT, material.length);
        Arrays.fill(material, (byte) 0);
    }

    @Override
    public int sealedLength(final int plaintextLength) {
        return IV + plaintextLength + 1 + TAG;
    }

    @Override
    public void seal(final byte[] message, final int contentOffset, final byte[] plaintext, final SecureRandom random) {
        final byte[] buffer = Arrays.copyOf(plaintext, plaintext.length + 1);
        final byte[] iv = new byte[IV];
        random.nextBytes(iv);
        System.arraycopy(iv, 0, message, contentOffset, IV);
        try {
            final Cipher cipher = cipher(Cipher.ENCRYPT_MODE, message, contentOffset);
            cipher.doFinal(buffer, 0, buffer.length, message, contentOffset + IV);
        } catch (final GeneralSecurityException e) {
            throw new IllegalStateException("SK seal with " + encryption.configName(), e);
        } finally {
            Arrays.fill(buffer, (byte) 0);
        }
    }

    @Override
    public Optional<byte[]> open(final byte[] message, final int contentOffset) {
        final int cipherLength = message.length - contentOffset - IV;
        if (contentOffset < 0 || cipherLength < TAG + 1) {
            return Optional.empty();
        }
        try {
            final byte[] plain = cipher(Cipher.DECRYPT_MODE, message, contentOffset)
                .doFinal(message, contentOffset + IV, cipherLength);
            final int padLength = plain[plain.length - 1] & 0xFF;
            if (padLength + 1 > plain.length) {
                return Optional.empty();
            }
            return Optional.of(Arrays.copyOf(plain, plain.length - padLength - 1));
        } catch (final AEADBadTagException e) {
            return Optional.empty();
        } catch (final GeneralSecurityException e) {
            throw new IllegalStateException("SK open with " + encryption.configName(), e);
        }
    }

    private Cipher cipher(final int mode, final byte[] message, final int contentOffset)
            throws GeneralSecurityException {
        final byte[] nonce = new byte[SALT + IV];
        System.arraycopy(salt, 0, nonce, 0, SALT);
        System.arraycopy(message, contentOffset, nonce, SALT, IV);
        final Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG * 8, nonce));
        cipher.updateAAD(message, 0, contentOffset);
        return cipher;
    }
}
