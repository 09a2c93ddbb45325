package io.xgate.linux.libcrypto;

/**
 * The key-agreement key types {@link EvpKeyExchange} supports, by OpenSSL algorithm and group name. Private
 * keys are fixed-length octets (big-endian scalars for EC, RFC 7748 scalars for X25519); public keys are
 * OpenSSL's encoded form: the uncompressed SEC1 point 0x04 || x || y for EC, the 32-byte u for X25519.
 */
public enum EvpKeyType {
    P_256("EC", "P-256", 32),
    P_384("EC", "P-384", 48),
    P_521("EC", "P-521", 66),
    X25519("X25519", null, 32);

    private final String algorithm;
    private final String group;
    private final int fieldLength;

    EvpKeyType(final String algorithm, final String group, final int fieldLength) {
        this.algorithm = algorithm;
        this.group = group;
        this.fieldLength = fieldLength;
    }

    String algorithm() {
        return algorithm;
    }

    /** The EC group name, null for X25519. */
    String group() {
        return group;
    }

    boolean isEc() {
        return group != null;
    }

    /** Bytes of a private key, and of the shared secret (the x or u coordinate). */
    public int fieldLength() {
        return fieldLength;
    }

    public int publicKeyLength() {
        return isEc() ? 1 + 2 * fieldLength : fieldLength;
    }
}
