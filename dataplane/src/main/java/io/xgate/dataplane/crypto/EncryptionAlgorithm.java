package io.xgate.dataplane.crypto;

/**
 * ESP encryption transforms, named as the config model names them.
 * Key lengths include the 4-byte salt for GCM (RFC 4106 §8.1: KEYMAT = key || salt).
 */
public enum EncryptionAlgorithm {
    AES_128_GCM("aes-128-gcm", 16 + 4, 8, 16, 4, true, false),
    AES_192_GCM("aes-192-gcm", 24 + 4, 8, 16, 4, true, false),
    AES_256_GCM("aes-256-gcm", 32 + 4, 8, 16, 4, true, false),
    AES_128_CBC("aes-128-cbc", 16, 16, 0, 16, false, false),
    AES_192_CBC("aes-192-cbc", 24, 16, 0, 16, false, false),
    AES_256_CBC("aes-256-cbc", 32, 16, 0, 16, false, false),
    /** Legacy, kept for PAN-OS parity. */
    DES3_CBC("3des", 24, 8, 0, 8, false, true),
    /** Legacy, kept for PAN-OS parity. */
    DES_CBC("des", 8, 8, 0, 8, false, true),
    /** RFC 2410: no confidentiality; needs an integrity algorithm. */
    NULL("null", 0, 0, 0, 4, false, false);

    private final String configName;
    private final int keyLength;
    private final int ivLength;
    private final int aeadIcvLength;
    private final int blockSize;
    private final boolean aead;
    private final boolean legacy;

    EncryptionAlgorithm(final String configName, final int keyLength, final int ivLength, final int aeadIcvLength,
                        final int blockSize, final boolean aead, final boolean legacy) {
        this.configName = configName;
        this.keyLength = keyLength;
        this.ivLength = ivLength;
        this.aeadIcvLength = aeadIcvLength;
        this.blockSize = blockSize;
        this.aead = aead;
        this.legacy = legacy;
    }

    public String configName() {
        return configName;
    }

    /** Bytes of keying material, salt included for GCM. */
    public int keyLength() {
        return keyLength;
    }

    /** Explicit IV bytes carried in every ESP packet. */
    public int ivLength() {
        return ivLength;
    }

    /** ICV bytes an AEAD transform appends; 0 for non-AEAD transforms (the integrity algorithm decides). */
    public int aeadIcvLength() {
        return aeadIcvLength;
    }

    /** The ciphertext (payload + padding + pad length + next header) is a multiple of this. */
    public int blockSize() {
        return blockSize;
    }

    public boolean isAead() {
        return aead;
    }

    public boolean isLegacy() {
        return legacy;
    }

    public static EncryptionAlgorithm fromConfigName(final String name) {
        for (final EncryptionAlgorithm a : values()) {
            if (a.configName.equals(name)) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown encryption algorithm: " + name);
    }
}
