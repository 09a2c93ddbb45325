package io.xgate.controlplane.ike.crypto;

import io.xgate.controlplane.ike.payload.Transform;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.security.GeneralSecurityException;
import java.util.Optional;

/** Pseudorandom functions (RFC 7296 §3.3.2 Transform Type 2; RFC 4868 for SHA-2). */
public enum Prf implements TransformAlgorithm {
    /** Legacy, kept for PAN-OS parity (hash md5). */
    HMAC_MD5(1, "md5", "HmacMD5", 16),
    HMAC_SHA1(2, "sha1", "HmacSHA1", 20),
    HMAC_SHA2_256(5, "sha256", "HmacSHA256", 32),
    HMAC_SHA2_384(6, "sha384", "HmacSHA384", 48),
    HMAC_SHA2_512(7, "sha512", "HmacSHA512", 64);

    private final int id;
    private final String configName;
    private final String jcaName;
    private final int outputLength;

    Prf(final int id, final String configName, final String jcaName, final int outputLength) {
        this.id = id;
        this.configName = configName;
        this.jcaName = jcaName;
        this.outputLength = outputLength;
    }

    public static Optional<Prf> of(final int id) {
        for (final Prf prf : values()) {
            if (prf.id == id) {
                return Optional.of(prf);
            }
        }
        return Optional.empty();
    }

    @Override
    public int transformType() {
        return Transform.PRF;
    }

    @Override
    public int id() {
        return id;
    }

    @Override
    public String configName() {
        return configName;
    }

    /** Output bytes; also the key length of SK_d, SK_pi and SK_pr (RFC 7296 §2.14). */
    public int outputLength() {
        return outputLength;
    }

    /** prf(key, data[0] | data[1] | ...). */
    public byte[] compute(final byte[] key, final byte[]... data) {
        try {
            final Mac mac = Mac.getInstance(jcaName);
            // HMAC pads the key with zeros to the block size, so an empty key equals one zero byte; the
            // JCA refuses empty keys, so the one-byte form stands in for it with the same result.
            mac.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, jcaName));
            for (final byte[] part : data) {
                mac.update(part);
            }
            return mac.doFinal();
        } catch (final GeneralSecurityException e) {
            throw new IllegalStateException(jcaName + " is part of every JDK", e);
        }
    }
}
