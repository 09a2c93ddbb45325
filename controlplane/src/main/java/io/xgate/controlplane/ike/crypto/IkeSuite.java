package io.xgate.controlplane.ike.crypto;

/**
 * The algorithms negotiated for an IKE SA. An AEAD cipher has no separate integrity algorithm
 * ({@link IntegrityTransform#NONE}); a CBC cipher must have one (RFC 5282 §8).
 */
public record IkeSuite(Encryption encryption, Prf prf, IntegrityTransform integrity, KeyExchangeGroup group) {

    public IkeSuite {
        if (!encryption.algorithm().protectsIke()) {
            throw new IllegalArgumentException(encryption.configName() + " cannot protect IKE messages");
        }
        if (encryption.algorithm().isAead() != (integrity == IntegrityTransform.NONE)) {
            throw new IllegalArgumentException(encryption.configName() + " with integrity " + integrity.configName());
        }
    }

    @Override
    public String toString() {
        return encryption.configName() + (integrity == IntegrityTransform.NONE ? "" : "-" + integrity.configName())
            + "/prf-" + prf.configName() + "/" + group.configName();
    }
}
