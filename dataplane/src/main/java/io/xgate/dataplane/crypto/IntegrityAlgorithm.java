package io.xgate.dataplane.crypto;

/** HMAC integrity transforms for ESP and AH (RFC 2404, RFC 2403, RFC 4868), named as the config model names them. */
public enum IntegrityAlgorithm {
    NONE("none", null, 0, 0, false),
    /** Legacy, kept for PAN-OS parity. */
    MD5_96("md5", "HmacMD5", 16, 12, true),
    SHA1_96("sha1", "HmacSHA1", 20, 12, false),
    SHA256_128("sha256", "HmacSHA256", 32, 16, false),
    SHA384_192("sha384", "HmacSHA384", 48, 24, false),
    SHA512_256("sha512", "HmacSHA512", 64, 32, false);

    private final String configName;
    private final String jcaName;
    private final int keyLength;
    private final int icvLength;
    private final boolean legacy;

    IntegrityAlgorithm(final String configName, final String jcaName, final int keyLength, final int icvLength,
                       final boolean legacy) {
        this.configName = configName;
        this.jcaName = jcaName;
        this.keyLength = keyLength;
        this.icvLength = icvLength;
        this.legacy = legacy;
    }

    public String configName() {
        return configName;
    }

    /** The JCA Mac name, or null for NONE. */
    public String jcaName() {
        return jcaName;
    }

    /** Key bytes: the digest length (RFC 4868 §2.1.1). */
    public int keyLength() {
        return keyLength;
    }

    /** Truncated ICV bytes on the wire. */
    public int icvLength() {
        return icvLength;
    }

    public boolean isLegacy() {
        return legacy;
    }

    public static IntegrityAlgorithm fromConfigName(final String name) {
        for (final IntegrityAlgorithm a : values()) {
            if (a.configName.equals(name)) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown integrity algorithm: " + name);
    }
}
