package io.xgate.controlplane.ike.crypto;

import io.xgate.controlplane.ike.wire.Bytes;
import io.xgate.linux.libcrypto.EvpKeyExchange;
import io.xgate.linux.libcrypto.EvpKeyType;
import io.xgate.linux.libcrypto.LibCryptoException;

import java.security.SecureRandom;

/**
 * An ECP group or Curve25519 computed by libcrypto. The KE value is IKE's: x || y without OpenSSL's 0x04
 * prefix for ECP (RFC 5903 §7), the u coordinate for Curve25519 (RFC 8031); the shared secret is the x or u
 * coordinate, as with the JDK groups. OpenSSL checks that a peer's point lies on the curve and refuses
 * X25519's all-zero result; either becomes an {@link InvalidKeyExchangeException}.
 */
final class LibCryptoGroup implements KeyExchangeGroup.Method {
    private final EvpKeyType type;

    /** Touches no native code, so every group can name one while libcrypto is unavailable. */
    LibCryptoGroup(final EvpKeyType type) {
        this.type = type;
    }

    /** The key comes from OpenSSL's DRBG; {@code random} only seeds the JDK groups. */
    @Override
    public KeyExchange generate(final KeyExchangeGroup group, final SecureRandom random) {
        final EvpKeyExchange.KeyPair pair;
        try {
            pair = EvpKeyExchange.generate(type);
        } catch (final LibCryptoException e) {
            throw new IllegalStateException(group.configName() + " key generation: " + e.getMessage(), e);
        }
        final byte[] encoded = pair.publicKey();
        final Bytes publicValue = isEc() ? Bytes.of(encoded, 1, encoded.length - 1) : Bytes.of(encoded);
        return KeyExchange.of(group, publicValue, agreement(group, pair.privateKey()));
    }

    /** The agreement of a known private key in {@link EvpKeyType}'s form (also for test vectors). */
    KeyExchange.Agreement agreement(final KeyExchangeGroup group, final byte[] privateKey) {
        return peer -> {
            if (peer.length() != publicValueLength()) {
                throw new InvalidKeyExchangeException(group.configName() + " public value of " + peer.length()
                    + " bytes, expected " + publicValueLength());
            }
            final byte[] encoded = isEc() ? Bytes.concat(Bytes.of(new byte[] {4}), peer).toArray() : peer.toArray();
            try {
                return KeyMaterial.wrap(EvpKeyExchange.derive(type, privateKey, encoded));
            } catch (final LibCryptoException e) {
                throw new InvalidKeyExchangeException(group.configName() + " agreement failed: " + e.getMessage());
            }
        };
    }

    private boolean isEc() {
        return type != EvpKeyType.X25519;
    }

    @Override
    public int publicValueLength() {
        return isEc() ? type.publicKeyLength() - 1 : type.publicKeyLength();
    }
}
