package io.xgate.controlplane.ike.crypto;

import io.xgate.controlplane.ike.wire.Bytes;

/** One side's ephemeral Diffie-Hellman key: what goes in our KE payload, and g^ir from the peer's. */
public interface KeyExchange {
    KeyExchangeGroup group();

    /** Our KE payload's key exchange data, in the group's wire format. */
    Bytes publicValue();

    /** The shared secret g^ir (for ECP: the x coordinate, RFC 5903 §7). */
    KeyMaterial agree(Bytes peerPublicValue) throws InvalidKeyExchangeException;
}
