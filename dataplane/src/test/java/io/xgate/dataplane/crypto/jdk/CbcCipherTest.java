package io.xgate.dataplane.crypto.jdk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.xgate.dataplane.crypto.EncryptionAlgorithm;
import io.xgate.dataplane.crypto.Wycheproof;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The zero-IV-plus-XOR CBC against RFC 3602 §4 and Wycheproof's valid AES-CBC-PKCS5 cases (padding
 * applied by the test: ESP pads itself, the cipher sees whole blocks). One cipher per key handles many
 * packets, so the reuse after doFinal is exercised too.
 */
class CbcCipherTest {
    private static final SecureRandom RANDOM = new SecureRandom();

    @Test
    void rfc3602Case1() {
        check("06a9214036b8a15b512e03d534120006", "3dafba429d9eb430b422da802c9fac41",
                HexFormat.of().formatHex("Single block msg".getBytes(StandardCharsets.US_ASCII)),
                "e353779c1079aeb82708942dbe77181a");
    }

    @Test
    void rfc3602Case2() {
        check("c286696d887c9aa0611bbb3e2025a45a", "562e17996d093d28ddb3ba695a2e6f58",
                "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f",
                "d296cd94c2cccf8a3a863028b5e1dc0a7586602d253cfff91b8266bea6d61ab1");
    }

    @Test
    void wycheproofValidCases() {
        int checked = 0;
        for (final Wycheproof.Case c : Wycheproof.load("aes_cbc_pkcs5_test.json")) {
            if (!c.valid()) {
                continue;
            }
            final byte[] msg = c.hex("msg");
            final int padded = (msg.length / 16 + 1) * 16;
            final byte[] plain = Arrays.copyOf(msg, padded);
            Arrays.fill(plain, msg.length, padded, (byte) (padded - msg.length));
            check(c.hex("key"), c.hex("iv"), plain, c.hex("ct"), c.toString());
            checked++;
        }
        assertEquals(72, checked);
    }

    @Test
    void cipherIsReusableAcrossPackets() {
        final byte[] key = HexFormat.of().parseHex("c286696d887c9aa0611bbb3e2025a45a");
        final CbcCipher cipher = new CbcCipher(EncryptionAlgorithm.AES_128_CBC, key, RANDOM);
        final byte[] expected = HexFormat.of().parseHex("d296cd94c2cccf8a3a863028b5e1dc0a7586602d253cfff91b8266bea6d61ab1");
        for (int round = 0; round < 3; round++) {
            final byte[] in = HexFormat.of().parseHex("562e17996d093d28ddb3ba695a2e6f58"
                    + "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
            final byte[] out = new byte[in.length];
            cipher.encrypt(in, 0, 16, 32, out);
            assertArrayEquals(expected, Arrays.copyOfRange(out, 16, 48), "round " + round);
        }
    }

    @Test
    void ivsAreDistinctPerSequenceAndPerSa() {
        final CbcIvGenerator one = new CbcIvGenerator(RANDOM);
        final CbcIvGenerator other = new CbcIvGenerator(RANDOM);
        final Set<String> seen = new HashSet<>();
        final byte[] iv = new byte[16];
        for (long seq = 1; seq <= 1000; seq++) {
            one.write(seq, iv, 0, 16);
            assertTrue(seen.add(HexFormat.of().formatHex(iv)), "repeated IV at seq " + seq);
        }
        final byte[] fromOther = new byte[16];
        one.write(7, iv, 0, 16);
        other.write(7, fromOther, 0, 16);
        assertFalse(Arrays.equals(iv, fromOther), "two SAs derived the same IV");
    }

    private static void check(final String key, final String iv, final String plain, final String ct) {
        final HexFormat hex = HexFormat.of();
        check(hex.parseHex(key), hex.parseHex(iv), hex.parseHex(plain), hex.parseHex(ct), "rfc3602");
    }

    private static void check(final byte[] key, final byte[] iv, final byte[] plain, final byte[] ct,
                              final String what) {
        final EncryptionAlgorithm algorithm = switch (key.length) {
            case 16 -> EncryptionAlgorithm.AES_128_CBC;
            case 24 -> EncryptionAlgorithm.AES_192_CBC;
            default -> EncryptionAlgorithm.AES_256_CBC;
        };
        final CbcCipher cipher = new CbcCipher(algorithm, key, RANDOM);
        assertEquals(16, cipher.ivLength());
        final int n = 16 + plain.length;
        final byte[] in = new byte[n];
        final byte[] out = new byte[n];
        System.arraycopy(iv, 0, in, 0, 16);
        System.arraycopy(plain, 0, in, 16, plain.length);
        cipher.encrypt(in, 0, 16, plain.length, out);
        assertArrayEquals(ct, Arrays.copyOfRange(out, 16, n), what);

        System.arraycopy(ct, 0, in, 16, ct.length);
        cipher.decrypt(in, 0, 16, ct.length, out);
        assertArrayEquals(plain, Arrays.copyOfRange(out, 16, n), what);
    }
}
