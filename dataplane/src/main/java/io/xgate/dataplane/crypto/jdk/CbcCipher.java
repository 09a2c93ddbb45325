package io.xgate.dataplane.crypto.jdk;

import io.xgate.dataplane.crypto.EncryptionAlgorithm;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-CBC (RFC 3602), 3DES-CBC and DES-CBC (RFC 2451/2405) with no per-packet allocation: both Ciphers are
 * initialised once with an all-zero IV (doFinal returns them to that state), and the real IV is applied by
 * hand: XORed into the first plaintext block before encrypting, into the first output block after
 * decrypting. CBC with a zero IV and P0 ^ IV is exactly CBC with IV.
 */
final class CbcCipher implements TextCipher {
    private final int blockSize;
    private final Cipher encryptor;
    private final Cipher decryptor;
    private final CbcIvGenerator ivGenerator;

    CbcCipher(final EncryptionAlgorithm algorithm, final byte[] key, final SecureRandom random) {
        this.blockSize = algorithm.blockSize();
        final String keyAlgorithm = switch (algorithm) {
            case AES_128_CBC, AES_192_CBC, AES_256_CBC -> "AES";
            case DES3_CBC -> "DESede";
            case DES_CBC -> "DES";
            default -> throw new IllegalArgumentException(algorithm.configName() + " is not a CBC transform");
        };
        final SecretKeySpec keySpec = new SecretKeySpec(key, keyAlgorithm);
        final IvParameterSpec zeroIv = new IvParameterSpec(new byte[blockSize]);
        try {
            this.encryptor = Cipher.getInstance(keyAlgorithm + "/CBC/NoPadding");
            this.decryptor = Cipher.getInstance(keyAlgorithm + "/CBC/NoPadding");
            encryptor.init(Cipher.ENCRYPT_MODE, keySpec, zeroIv);
            decryptor.init(Cipher.DECRYPT_MODE, keySpec, zeroIv);
        } catch (final GeneralSecurityException e) {
            throw new IllegalArgumentException(algorithm.configName() + " unavailable: " + e.getClass().getSimpleName());
        }
        this.ivGenerator = new CbcIvGenerator(random);
    }

    @Override
    public int ivLength() {
        return blockSize;
    }

    @Override
    public void writeIv(final long seq, final byte[] dst, final int offset) {
        ivGenerator.write(seq, dst, offset, blockSize);
    }

    @Override
    public void encrypt(final byte[] in, final int ivOffset, final int textOffset, final int length, final byte[] out) {
        xorBlock(in, ivOffset, in, textOffset);
        run(encryptor, in, textOffset, length, out);
    }

    @Override
    public void decrypt(final byte[] in, final int ivOffset, final int textOffset, final int length, final byte[] out) {
        run(decryptor, in, textOffset, length, out);
        xorBlock(in, ivOffset, out, textOffset);
    }

    private void xorBlock(final byte[] iv, final int ivOffset, final byte[] text, final int textOffset) {
        for (int i = 0; i < blockSize; i++) {
            text[textOffset + i] ^= iv[ivOffset + i];
        }
    }

    private static void run(final Cipher cipher, final byte[] in, final int offset, final int length,
                            final byte[] out) {
        try {
            cipher.doFinal(in, offset, length, out, offset);
        } catch (final GeneralSecurityException e) {
            throw new IllegalStateException("CBC failed on a block-aligned text", e);
        }
    }

    @Override
    public void wipe() {
        ivGenerator.wipe();
    }

    @Override
    public String toString() {
        return "CbcCipher[" + encryptor.getAlgorithm() + "]";
    }
}
