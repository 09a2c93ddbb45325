package io.xgate.controlplane.ike.crypto;

import java.util.Optional;

/**
 * The algorithms negotiated for an ESP child SA: cipher, integrity ({@link IntegrityTransform#NONE} with
 * AEAD), ESN, and the PFS group of a CREATE_CHILD_SA, if any.
 */
public record ChildSuite(Encryption encryption, IntegrityTransform integrity, EsnTransform esn,
                         Optional<KeyExchangeGroup> pfsGroup) {
}
