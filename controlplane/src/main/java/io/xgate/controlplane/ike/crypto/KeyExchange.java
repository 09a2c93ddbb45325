package io.xgate.controlplane.ike.crypto;

import io.xgate.controlplane.ike.wire.Bytes;

/** One side's ephemeral Diffie-Hellman key: what goes in our KE payload, and g^ir from the peer's. */
public interface KeyExchange {
    KeyExchangeGroup group();

    /** Our KE payload's key exchange data, in the group's wire format. */
    Bytes publicValue();

    /** The shared secret g^ir (for ECP: the x coordinate, RFC 5903 §7). */
    KeyMaterial agree(Bytes peerPublicValue) throws InvalidKeyExchangeException;

    /** How a group turns the peer's public value into g^ir with our private key. */
    @FunctionalInterface
    interface Agreement {
        KeyMaterial agree(Bytes peerPublicValue) throws InvalidKeyExchangeException;
    }

    /** A key of {@code group} whose public value is known and whose agreement the group supplies. */
    static KeyExchange of(final KeyExchangeGroup group, final Bytes publicValue, final Agreement agreement) {
        return new KeyExchange() {
            @Override
            public KeyExchangeGroup group() {
                return group;
            }

            @Override
            public Bytes publicValue() {
                return publicValue;
            }

            @Override
            public KeyMaterial agree(final Bytes peer) throws InvalidKeyExchangeException {
                return agreement.agree(peer);
            }
        };
    }
}
