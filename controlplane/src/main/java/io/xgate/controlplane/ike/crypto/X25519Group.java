package io.xgate.controlplane.ike.crypto;

import io.xgate.controlplane.ike.wire.Bytes;

import javax.crypto.KeyAgreement;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.spec.NamedParameterSpec;
import java.security.spec.XECPrivateKeySpec;
import java.security.spec.XECPublicKeySpec;

/**
 * Curve25519 (RFC 8031) with the JDK's XDH: the KE value and the shared secret are the 32-byte
 * little-endian u coordinate (RFC 7748 §5); an all-zero result is refused (RFC 8031 §2).
 */
final class X25519Group implements KeyExchangeGroup.Method {
    private static final int LENGTH = 32;
    private static final byte[] BASE_POINT = new byte[LENGTH];

    static {
        BASE_POINT[0] = 9;
    }

    @Override
    public KeyExchange generate(final KeyExchangeGroup group, final SecureRandom random) {
        final byte[] scalar = new byte[LENGTH];
        random.nextBytes(scalar);
        return fromPrivate(group, scalar);
    }

    /** The public value is X25519(k, 9), computed with the same agreement as the shared secret. */
    KeyExchange fromPrivate(final KeyExchangeGroup group, final byte[] scalar) {
        try {
            final PrivateKey key = KeyFactory.getInstance("XDH")
                .generatePrivate(new XECPrivateKeySpec(NamedParameterSpec.X25519, scalar.clone()));
            final Bytes publicValue = Bytes.of(multiply(key, BASE_POINT));
            return KeyExchange.of(group, publicValue, peer -> {
                if (peer.length() != LENGTH) {
                    throw new InvalidKeyExchangeException("group31 public value of " + peer.length() + " bytes");
                }
                final byte[] shared;
                try {
                    shared = multiply(key, peer.toArray());
                } catch (final GeneralSecurityException e) {
                    throw new InvalidKeyExchangeException("group31 agreement failed: " + e.getMessage());
                }
                int any = 0;
                for (final byte b : shared) {
                    any |= b;
                }
                if (any == 0) {
                    throw new InvalidKeyExchangeException("group31 shared secret is all zero (low-order point)");
                }
                return KeyMaterial.wrap(shared);
            });
        } catch (final GeneralSecurityException e) {
            throw new IllegalStateException("X25519 is part of every JDK", e);
        }
    }

    private static byte[] multiply(final PrivateKey key, final byte[] uLittleEndian) throws GeneralSecurityException {
        final byte[] reversed = new byte[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            reversed[i] = uLittleEndian[LENGTH - 1 - i];
        }
        // RFC 7748 §5: ignore the top bit of the last byte.
        reversed[0] &= 0x7F;
        final KeyAgreement agreement = KeyAgreement.getInstance("XDH");
        agreement.init(key);
        agreement.doPhase(KeyFactory.getInstance("XDH").generatePublic(
            new XECPublicKeySpec(NamedParameterSpec.X25519, new BigInteger(1, reversed))), true);
        return agreement.generateSecret();
    }

    @Override
    public int publicValueLength() {
        return LENGTH;
    }
}
