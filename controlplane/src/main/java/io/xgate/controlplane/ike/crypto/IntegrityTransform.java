package io.xgate.controlplane.ike.crypto;

import io.xgate.controlplane.ike.payload.Transform;
import io.xgate.dataplane.crypto.IntegrityAlgorithm;

import java.util.Optional;

/** Integrity algorithms (Transform Type 3) for SK payloads and ESP, with the data-plane algorithm each maps to. */
public enum IntegrityTransform implements TransformAlgorithm {
    /** Only with an AEAD cipher, where it may be omitted or sent explicitly (RFC 7296 §3.3.3). */
    NONE(0, IntegrityAlgorithm.NONE),
    /** Legacy, kept for PAN-OS parity. */
    HMAC_MD5_96(1, IntegrityAlgorithm.MD5_96),
    HMAC_SHA1_96(2, IntegrityAlgorithm.SHA1_96),
    HMAC_SHA2_256_128(12, IntegrityAlgorithm.SHA256_128),
    HMAC_SHA2_384_192(13, IntegrityAlgorithm.SHA384_192),
    HMAC_SHA2_512_256(14, IntegrityAlgorithm.SHA512_256);

    private final int id;
    private final IntegrityAlgorithm dataplane;

    IntegrityTransform(final int id, final IntegrityAlgorithm dataplane) {
        this.id = id;
        this.dataplane = dataplane;
    }

    public static Optional<IntegrityTransform> of(final int id) {
        for (final IntegrityTransform t : values()) {
            if (t.id == id) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    public static IntegrityTransform of(final IntegrityAlgorithm algorithm) {
        for (final IntegrityTransform t : values()) {
            if (t.dataplane == algorithm) {
                return t;
            }
        }
        throw new IllegalArgumentException("no IKE transform for " + algorithm);
    }

    @Override
    public int transformType() {
        return Transform.INTEG;
    }

    @Override
    public int id() {
        return id;
    }

    @Override
    public String configName() {
        return dataplane.configName();
    }

    /** The JCA Mac name, or null for NONE. */
    public String jcaName() {
        return dataplane.jcaName();
    }

    /** SK_a / ESP integrity key bytes: the digest length (RFC 4868 §2.1.1). */
    public int keyLength() {
        return dataplane.keyLength();
    }

    public int icvLength() {
        return dataplane.icvLength();
    }

    public IntegrityAlgorithm dataplane() {
        return dataplane;
    }
}
