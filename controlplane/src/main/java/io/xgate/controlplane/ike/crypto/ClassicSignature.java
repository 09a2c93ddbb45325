package io.xgate.controlplane.ike.crypto;

import io.xgate.controlplane.ike.payload.AuthPayload;

import java.security.PublicKey;
import java.security.interfaces.ECKey;
import java.util.Optional;

/**
 * The AUTH methods before RFC 7427, for peers that do not announce SIGNATURE_HASH_ALGORITHMS: RSA Digital Signature
 * (RFC 7296 §3.8, PKCS#1 v1.5 over SHA-1) and ECDSA with the curve's own hash (RFC 4754, r || s of fixed width).
 */
public enum ClassicSignature {
    RSA_SHA1(AuthPayload.RSA_DIGITAL_SIGNATURE, "SHA1withRSA", 0),
    ECDSA_P256(AuthPayload.ECDSA_SHA256_P256, "SHA256withECDSAinP1363Format", 256),
    ECDSA_P384(AuthPayload.ECDSA_SHA384_P384, "SHA384withECDSAinP1363Format", 384),
    ECDSA_P521(AuthPayload.ECDSA_SHA512_P521, "SHA512withECDSAinP1363Format", 521);

    private final int method;
    private final String jcaName;
    private final int curveBits;

    ClassicSignature(final int method, final String jcaName, final int curveBits) {
        this.method = method;
        this.jcaName = jcaName;
        this.curveBits = curveBits;
    }

    public int method() {
        return method;
    }

    String jcaName() {
        return jcaName;
    }

    /** The method for a key: RSA, or ECDSA on the key's curve (RFC 4754 ties each method to one curve). */
    public static Optional<ClassicSignature> forKey(final PublicKey key) {
        if (key instanceof ECKey ec) {
            final int bits = ec.getParams().getCurve().getField().getFieldSize();
            for (final ClassicSignature each : values()) {
                if (each.curveBits == bits) {
                    return Optional.of(each);
                }
            }
            return Optional.empty();
        }
        return key.getAlgorithm().equals("RSA") ? Optional.of(RSA_SHA1) : Optional.empty();
    }

    static Optional<ClassicSignature> ofMethod(final int method) {
        for (final ClassicSignature each : values()) {
            if (each.method == method) {
                return Optional.of(each);
            }
        }
        return Optional.empty();
    }
}
