package io.xgate.dataplane.testkit;

import io.xgate.dataplane.capture.EspSaKeys;
import io.xgate.dataplane.crypto.EncryptionAlgorithm;
import io.xgate.dataplane.crypto.IntegrityAlgorithm;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Test SAs with documentation addresses and recognisable, deterministic keys. */
public final class Suites {
    public static final String OUTER_V4_SRC = "192.0.2.1";
    public static final String OUTER_V4_DST = "198.51.100.1";
    public static final String OUTER_V6_SRC = "2001:db8::1";
    public static final String OUTER_V6_DST = "2001:db8::2";

    private Suites() {
    }

    /** An SA between the v4 or v6 documentation gateways with keys derived from the SPI. */
    public static EspSaKeys sa(final int ipVersion, final int spi, final EncryptionAlgorithm encryption,
                               final IntegrityAlgorithm integrity) {
        try {
            return new EspSaKeys(
                InetAddress.getByName(ipVersion == 4 ? OUTER_V4_SRC : OUTER_V6_SRC),
                InetAddress.getByName(ipVersion == 4 ? OUTER_V4_DST : OUTER_V6_DST),
                spi, encryption, key(encryption.keyLength(), spi), integrity, key(integrity.keyLength(), ~spi));
        } catch (final UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Different for every seed; not random, so a failing capture can be re-decrypted by hand. */
    public static byte[] key(final int length, final int seed) {
        final byte[] key = new byte[length];
        for (int i = 0; i < length; i++) {
            key[i] = (byte) (seed * 0x9e3779b1 + i * 0x45);
        }
        return key;
    }
}
