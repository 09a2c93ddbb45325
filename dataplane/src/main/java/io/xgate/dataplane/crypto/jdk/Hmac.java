package io.xgate.dataplane.crypto.jdk;

import io.xgate.dataplane.crypto.IntegrityAlgorithm;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * HMAC (RFC 2104) over a {@link MessageDigest}. {@code javax.crypto.Mac.doFinal(byte[], int)} allocates the
 * digest on every call; {@link MessageDigest#digest(byte[], int, int)} writes in place, so this stays
 * allocation-free. The digest always holds the absorbed inner pad, ready for the next message.
 * Accepts any key length (longer than a block: hashed first) so published vectors can exercise it.
 */
public final class Hmac {
    private static final byte IPAD = 0x36;
    private static final byte OPAD = 0x5c;

    private final MessageDigest digest;
    private final byte[] innerPad;
    private final byte[] outerPad;
    private final byte[] innerHash;

    public Hmac(final IntegrityAlgorithm algorithm, final byte[] key) {
        try {
            this.digest = MessageDigest.getInstance(digestName(algorithm));
        } catch (final NoSuchAlgorithmException e) {
            throw new IllegalArgumentException(algorithm.configName() + " digest unavailable", e);
        }
        final int blockSize = blockSize(algorithm);
        final byte[] block = Arrays.copyOf(key.length > blockSize ? digest.digest(key) : key, blockSize);
        this.innerPad = new byte[blockSize];
        this.outerPad = new byte[blockSize];
        for (int i = 0; i < blockSize; i++) {
            innerPad[i] = (byte) (block[i] ^ IPAD);
            outerPad[i] = (byte) (block[i] ^ OPAD);
        }
        Arrays.fill(block, (byte) 0);
        this.innerHash = new byte[digest.getDigestLength()];
        digest.update(innerPad);
    }

    public int macLength() {
        return innerHash.length;
    }

    public void update(final byte[] input, final int offset, final int length) {
        digest.update(input, offset, length);
    }

    /** Writes the full {@link #macLength()}-byte MAC at out[offset] and starts the next message. */
    public void finish(final byte[] out, final int offset) {
        try {
            digest.digest(innerHash, 0, innerHash.length);
            digest.update(outerPad);
            digest.update(innerHash);
            digest.digest(out, offset, innerHash.length);
        } catch (final java.security.DigestException e) {
            throw new IllegalStateException("digest output buffer too small", e);
        }
        digest.update(innerPad);
    }

    public void wipe() {
        digest.reset();
        Arrays.fill(innerPad, (byte) 0);
        Arrays.fill(outerPad, (byte) 0);
        Arrays.fill(innerHash, (byte) 0);
    }

    @Override
    public String toString() {
        return "Hmac[" + digest.getAlgorithm() + "]";
    }

    private static String digestName(final IntegrityAlgorithm algorithm) {
        return switch (algorithm) {
            case MD5_96 -> "MD5";
            case SHA1_96 -> "SHA-1";
            case SHA256_128 -> "SHA-256";
            case SHA384_192 -> "SHA-384";
            case SHA512_256 -> "SHA-512";
            case NONE -> throw new IllegalArgumentException("no HMAC for integrity none");
        };
    }

    private static int blockSize(final IntegrityAlgorithm algorithm) {
        return switch (algorithm) {
            case SHA384_192, SHA512_256 -> 128;
            default -> 64;
        };
    }
}
