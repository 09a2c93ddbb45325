package io.xgate.controlplane.ike.crypto;

import io.xgate.controlplane.ike.wire.Bytes;

import java.math.BigInteger;
import java.security.SecureRandom;

/** A MODP group (generator 2): g^x mod p with BigInteger, values as big-endian octets of the prime's length. */
final class ModpGroup implements KeyExchangeGroup.Method {
    private static final BigInteger GENERATOR = BigInteger.TWO;
    /**
     * Private exponent size: twice the 256-bit strength the largest group here offers at most (RFC 3526
     * §8 estimates 150-240 bits for 4096), so the exponent is never the weak part.
     */
    private static final int EXPONENT_BITS = 512;

    private final BigInteger prime;
    private final int length;

    ModpGroup(final BigInteger prime) {
        this.prime = prime;
        this.length = (prime.bitLength() + 7) / 8;
    }

    @Override
    public KeyExchange generate(final KeyExchangeGroup group, final SecureRandom random) {
        BigInteger exponent;
        do {
            exponent = new BigInteger(EXPONENT_BITS, random);
        } while (exponent.signum() == 0);
        return fromPrivate(group, exponent);
    }

    KeyExchange fromPrivate(final KeyExchangeGroup group, final BigInteger exponent) {
        final Bytes publicValue = Bytes.of(toOctets(GENERATOR.modPow(exponent, prime)));
        return KeyExchange.of(group, publicValue, peer -> {
            if (peer.length() != length) {
                throw new InvalidKeyExchangeException(group.configName() + " public value of " + peer.length()
                    + " bytes, expected " + length);
            }
            final BigInteger y = new BigInteger(1, peer.toArray());
            // 1 and p-1 generate subgroups of order 1 and 2, leaking the exponent's parity (RFC 6989 §2.1).
            if (y.compareTo(BigInteger.ONE) <= 0 || y.compareTo(prime.subtract(BigInteger.ONE)) >= 0) {
                throw new InvalidKeyExchangeException(group.configName() + " public value outside 1 < y < p-1");
            }
            return KeyMaterial.wrap(toOctets(y.modPow(exponent, prime)));
        });
    }

    /** Left-padded to the prime's length (RFC 7296 §3.4: "prepended with zeros if necessary"). */
    private byte[] toOctets(final BigInteger value) {
        final byte[] raw = value.toByteArray();
        final byte[] out = new byte[length];
        final int copy = Math.min(raw.length, length);
        System.arraycopy(raw, raw.length - copy, out, length - copy, copy);
        return out;
    }

    @Override
    public int publicValueLength() {
        return length;
    }
}
