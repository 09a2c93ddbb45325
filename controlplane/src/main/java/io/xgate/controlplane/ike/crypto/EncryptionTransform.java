package io.xgate.controlplane.ike.crypto;

import io.xgate.controlplane.ike.payload.Transform;

import java.util.Optional;

/**
 * Encryption algorithms (Transform Type 1). AES takes its key length from the Key Length attribute; the
 * AEAD modes append salt to their keying material (RFC 5282 §7.1, RFC 4106 §8.1). Which may protect SK
 * payloads ({@link #protectsIke()}) and which only ESP is part of the data.
 */
public enum EncryptionTransform {
    /** Legacy, kept for PAN-OS parity; fixed 192-bit key, so no Key Length attribute. */
    DES3(3, Mode.CBC, 8, 8, 0, new int[] {192}, false),
    /** RFC 2410: ESP only, no confidentiality. */
    NULL(11, Mode.NULL, 1, 0, 0, new int[] {0}, false),
    AES_CBC(12, Mode.CBC, 16, 16, 0, new int[] {128, 192, 256}, true),
    /** RFC 4309 with a 16-octet ICV; ESP only here (the data plane does not implement it yet). */
    AES_CCM_16(16, Mode.AEAD, 1, 8, 3, new int[] {128, 192, 256}, true),
    /** RFC 4106 / RFC 5282 with a 16-octet ICV. */
    AES_GCM_16(20, Mode.AEAD, 1, 8, 4, new int[] {128, 192, 256}, true);

    public enum Mode { CBC, AEAD, NULL }

    private final int id;
    private final Mode mode;
    private final int blockSize;
    private final int ivLength;
    private final int saltLength;
    private final int[] keyBits;
    private final boolean keyLengthAttribute;

    EncryptionTransform(final int id, final Mode mode, final int blockSize, final int ivLength, final int saltLength,
                        final int[] keyBits, final boolean keyLengthAttribute) {
        this.id = id;
        this.mode = mode;
        this.blockSize = blockSize;
        this.ivLength = ivLength;
        this.saltLength = saltLength;
        this.keyBits = keyBits;
        this.keyLengthAttribute = keyLengthAttribute;
    }

    public static Optional<EncryptionTransform> of(final int id) {
        for (final EncryptionTransform t : values()) {
            if (t.id == id) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    public int id() {
        return id;
    }

    public Mode mode() {
        return mode;
    }

    public boolean isAead() {
        return mode == Mode.AEAD;
    }

    public int blockSize() {
        return blockSize;
    }

    public int ivLength() {
        return ivLength;
    }

    public int saltLength() {
        return saltLength;
    }

    /** Whether the transform carries (and requires) a Key Length attribute. */
    public boolean hasKeyLengthAttribute() {
        return keyLengthAttribute;
    }

    public boolean allowsKeyBits(final int bits) {
        for (final int allowed : keyBits) {
            if (allowed == bits) {
                return true;
            }
        }
        return false;
    }

    /** The key size used when the transform carries no Key Length attribute (3DES, NULL). */
    public int fixedKeyBits() {
        return keyBits[0];
    }

    /** SK payloads may use CBC and GCM; CCM and NULL appear in ESP proposals only. */
    public boolean protectsIke() {
        return this == AES_CBC || this == AES_GCM_16 || this == DES3;
    }

    Transform transform(final int bits) {
        return keyLengthAttribute ? Transform.withKeyLength(Transform.ENCR, id, bits) : Transform.of(Transform.ENCR, id);
    }
}
