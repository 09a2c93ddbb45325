package io.xgate.controlplane.ike.crypto;

import io.xgate.dataplane.crypto.ConstantTime;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;

/** AES-CBC or 3DES-CBC with a truncated HMAC over the whole message up to the ICV (RFC 7296 §3.14). */
final class CbcHmacSkCipher implements SkCipher {
    private final Encryption encryption;
    private final IntegrityTransform integrity;
    private final SecretKeySpec cipherKey;
    private final SecretKeySpec macKey;
    private final String transformation;

    CbcHmacSkCipher(final Encryption encryption, final IntegrityTransform integrity, final KeyMaterial encryptionKey,
                    final KeyMaterial integrityKey) {
        if (integrity == IntegrityTransform.NONE || encryption.algorithm().mode() != EncryptionTransform.Mode.CBC) {
            throw new IllegalArgumentException(encryption.configName() + " needs an integrity algorithm");
        }
        final String jcaCipher = encryption.algorithm() == EncryptionTransform.DES3 ? "DESede" : "AES";
        this.encryption = encryption;
        this.integrity = integrity;
        this.transformation = jcaCipher + "/CBC/NoPadding";
        this.cipherKey = new SecretKeySpec(encryptionKey.bytes(), jcaCipher);
        this.macKey = new SecretKeySpec(integrityKey.bytes(), integrity.jcaName());
    }

    private int block() {
        return encryption.algorithm().blockSize();
    }

    private int paddedLength(final int plaintextLength) {
        final int withPadLength = plaintextLength + 1;
        return (withPadLength + block() - 1) / block() * block();
    }

    @Override
    public int sealedLength(final int plaintextLength) {
        return encryption.algorithm().ivLength() + paddedLength(plaintextLength) + integrity.icvLength();
    }

    @Override
    public void seal(final byte[] message, final int contentOffset, final byte[] plaintext, final SecureRandom random) {
        final int ivLength = encryption.algorithm().ivLength();
        final int padded = paddedLength(plaintext.length);
        final byte[] buffer = Arrays.copyOf(plaintext, padded);
        buffer[padded - 1] = (byte) (padded - plaintext.length - 1);
        final byte[] iv = new byte[ivLength];
        random.nextBytes(iv);
        System.arraycopy(iv, 0, message, contentOffset, ivLength);
        try {
            final Cipher cipher = Cipher.getInstance(transformation);
            cipher.init(Cipher.ENCRYPT_MODE, cipherKey, new IvParameterSpec(iv));
            cipher.doFinal(buffer, 0, padded, message, contentOffset + ivLength);
            final int icvAt = contentOffset + ivLength + padded;
            System.arraycopy(icv(message, icvAt), 0, message, icvAt, integrity.icvLength());
        } catch (final GeneralSecurityException e) {
            throw new IllegalStateException("SK seal with " + encryption.configName(), e);
        } finally {
            Arrays.fill(buffer, (byte) 0);
        }
    }

    @Override
    public Optional<byte[]> open(final byte[] message, final int contentOffset) {
        final int ivLength = encryption.algorithm().ivLength();
        final int icvLength = integrity.icvLength();
        final int cipherLength = message.length - contentOffset - ivLength - icvLength;
        if (contentOffset < 0 || cipherLength < block() || cipherLength % block() != 0) {
            return Optional.empty();
        }
        final int icvAt = message.length - icvLength;
        try {
            // Integrity first, so nothing is decrypted (no padding oracle) for a forged message.
            if (!ConstantTime.equals(icv(message, icvAt), 0, message, icvAt, icvLength)) {
                return Optional.empty();
            }
            final Cipher cipher = Cipher.getInstance(transformation);
            cipher.init(Cipher.DECRYPT_MODE, cipherKey, new IvParameterSpec(message, contentOffset, ivLength));
            final byte[] plain = cipher.doFinal(message, contentOffset + ivLength, cipherLength);
            final int padLength = plain[plain.length - 1] & 0xFF;
            if (padLength + 1 > plain.length) {
                return Optional.empty();
            }
            return Optional.of(Arrays.copyOf(plain, plain.length - padLength - 1));
        } catch (final GeneralSecurityException e) {
            throw new IllegalStateException("SK open with " + encryption.configName(), e);
        }
    }

    private byte[] icv(final byte[] message, final int length) throws GeneralSecurityException {
        final Mac mac = Mac.getInstance(integrity.jcaName());
        mac.init(macKey);
        mac.update(message, 0, length);
        return mac.doFinal();
    }
}
