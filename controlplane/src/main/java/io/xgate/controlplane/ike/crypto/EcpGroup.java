package io.xgate.controlplane.ike.crypto;

import io.xgate.controlplane.ike.wire.Bytes;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ECParameters;

import javax.crypto.KeyAgreement;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECFieldFp;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;
import java.util.Arrays;

/**
 * An ECP group over a NIST prime curve with the JDK's ECDH. The KE value is x || y, each left-padded to the
 * field length, with no 0x04 prefix; the shared secret is the x coordinate only (RFC 5903 §7, §9).
 */
final class EcpGroup implements KeyExchangeGroup.Method {
    private final String curve;
    private final int coordinateLength;
    private final ECParameterSpec params;

    EcpGroup(final String curve, final int coordinateLength) {
        this.curve = curve;
        this.coordinateLength = coordinateLength;
        try {
            final KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec(curve));
            this.params = ((ECPublicKey) generator.generateKeyPair().getPublic()).getParams();
        } catch (final GeneralSecurityException e) {
            throw new IllegalStateException(curve + " is part of every JDK", e);
        }
    }

    @Override
    public KeyExchange generate(final KeyExchangeGroup group, final SecureRandom random) {
        try {
            final KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec(curve), random);
            final KeyPair pair = generator.generateKeyPair();
            final ECPoint w = ((ECPublicKey) pair.getPublic()).getW();
            return key(group, pair.getPrivate(), w.getAffineX(), w.getAffineY());
        } catch (final GeneralSecurityException e) {
            throw new IllegalStateException(curve + " key generation", e);
        }
    }

    /** A key from a known scalar (test vectors); the public point is computed with Bouncy Castle's curve math. */
    KeyExchange fromPrivate(final KeyExchangeGroup group, final BigInteger scalar) {
        try {
            final X9ECParameters bc = ECNamedCurveTable.getByName(curve);
            final org.bouncycastle.math.ec.ECPoint q = bc.getG().multiply(scalar).normalize();
            final PrivateKey key = KeyFactory.getInstance("EC").generatePrivate(new ECPrivateKeySpec(scalar, params));
            return key(group, key, q.getAffineXCoord().toBigInteger(), q.getAffineYCoord().toBigInteger());
        } catch (final GeneralSecurityException e) {
            throw new IllegalArgumentException(curve + " private key", e);
        }
    }

    private KeyExchange key(final KeyExchangeGroup group, final PrivateKey privateKey, final BigInteger x,
                            final BigInteger y) {
        final Bytes publicValue = Bytes.concat(Bytes.of(fixed(x)), Bytes.of(fixed(y)));
        return KeyExchange.of(group, publicValue, peer -> {
            final ECPoint point = decodePoint(group, peer);
            try {
                final KeyAgreement agreement = KeyAgreement.getInstance("ECDH");
                agreement.init(privateKey);
                agreement.doPhase(KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(point, params)),
                    true);
                return KeyMaterial.wrap(agreement.generateSecret());
            } catch (final GeneralSecurityException e) {
                throw new InvalidKeyExchangeException(group.configName() + " agreement failed: " + e.getMessage());
            }
        });
    }

    /**
     * x || y to a point, checked to lie on the curve (RFC 6989 §2.3): an off-curve point could place the
     * result in a small subgroup and leak our private key bit by bit.
     */
    private ECPoint decodePoint(final KeyExchangeGroup group, final Bytes peer) throws InvalidKeyExchangeException {
        if (peer.length() != 2 * coordinateLength) {
            throw new InvalidKeyExchangeException(group.configName() + " public value of " + peer.length()
                + " bytes, expected " + 2 * coordinateLength);
        }
        final byte[] raw = peer.toArray();
        final BigInteger x = new BigInteger(1, Arrays.copyOfRange(raw, 0, coordinateLength));
        final BigInteger y = new BigInteger(1, Arrays.copyOfRange(raw, coordinateLength, raw.length));
        final BigInteger p = ((ECFieldFp) params.getCurve().getField()).getP();
        if (x.compareTo(p) >= 0 || y.compareTo(p) >= 0) {
            throw new InvalidKeyExchangeException(group.configName() + " coordinate not below the field prime");
        }
        final BigInteger rhs = x.pow(3).add(params.getCurve().getA().multiply(x)).add(params.getCurve().getB()).mod(p);
        if (!y.modPow(BigInteger.TWO, p).equals(rhs)) {
            throw new InvalidKeyExchangeException(group.configName() + " public value is not on the curve");
        }
        return new ECPoint(x, y);
    }

    private byte[] fixed(final BigInteger value) {
        final byte[] raw = value.toByteArray();
        final byte[] out = new byte[coordinateLength];
        final int copy = Math.min(raw.length, coordinateLength);
        System.arraycopy(raw, raw.length - copy, out, coordinateLength - copy, copy);
        return out;
    }

    @Override
    public int publicValueLength() {
        return 2 * coordinateLength;
    }
}
