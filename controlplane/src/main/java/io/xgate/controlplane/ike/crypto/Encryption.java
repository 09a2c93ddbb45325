package io.xgate.controlplane.ike.crypto;

import io.xgate.controlplane.ike.payload.Transform;
import io.xgate.dataplane.crypto.EncryptionAlgorithm;

import java.util.Optional;

/** An encryption transform with its key size: one ENCR transform of a proposal, typed. */
public record Encryption(EncryptionTransform algorithm, int keyBits) implements TransformAlgorithm {

    public Encryption {
        if (!algorithm.allowsKeyBits(keyBits)) {
            throw new IllegalArgumentException(algorithm + " has no " + keyBits + "-bit key");
        }
    }

    /** The typed view of an ENCR transform, empty for unknown IDs, missing/bad key lengths or unknown attributes. */
    public static Optional<Encryption> of(final Transform transform) {
        if (transform.transformType() != Transform.ENCR || !transform.hasOnlyKnownAttributes()) {
            return Optional.empty();
        }
        return EncryptionTransform.of(transform.transformId()).flatMap(algorithm -> {
            if (!algorithm.hasKeyLengthAttribute()) {
                return transform.attributes().isEmpty()
                    ? Optional.of(new Encryption(algorithm, algorithm.fixedKeyBits())) : Optional.empty();
            }
            return transform.keyLength().stream().filter(algorithm::allowsKeyBits)
                .mapToObj(bits -> new Encryption(algorithm, bits)).findFirst();
        });
    }

    @Override
    public int transformType() {
        return Transform.ENCR;
    }

    @Override
    public int id() {
        return algorithm.id();
    }

    @Override
    public Transform transform() {
        return algorithm.transform(keyBits);
    }

    /** Keying material bytes: the key plus the salt of AEAD modes (RFC 5282 §7.1). */
    public int keyLength() {
        return keyBits / 8 + algorithm.saltLength();
    }

    @Override
    public String configName() {
        return switch (algorithm) {
            case DES3 -> "3des";
            case NULL -> "null";
            case AES_CBC -> "aes-" + keyBits + "-cbc";
            case AES_CCM_16 -> "aes-" + keyBits + "-ccm";
            case AES_GCM_16 -> "aes-" + keyBits + "-gcm";
        };
    }

    /** The data-plane cipher for a child SA, if the data plane implements it. */
    public Optional<EncryptionAlgorithm> dataplane() {
        for (final EncryptionAlgorithm candidate : EncryptionAlgorithm.values()) {
            if (candidate.configName().equals(configName())) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
