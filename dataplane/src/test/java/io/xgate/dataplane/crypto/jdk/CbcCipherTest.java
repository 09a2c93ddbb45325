package io.xgate.dataplane.crypto.jdk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.xgate.dataplane.crypto.EncryptionAlgorithm;
import io.xgate.dataplane.crypto.RfcVectors;
import io.xgate.dataplane.crypto.Wycheproof;

import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The zero-IV-plus-XOR CBC against RFC 3602 §4 (cases 1-8, vectors/rfc/rfc3602-aes-cbc.txt) and Wycheproof's
 * valid AES-CBC-PKCS5 cases (padding applied by the test: ESP pads itself, the cipher sees whole blocks). One
 * cipher per key handles many packets, so the reuse after doFinal is exercised too.
 */
class CbcCipherTest {
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Cases 5-8 are ESP packets: the text is decrypted where ESP puts it, behind SPI, sequence number and IV. */
    @Test
    void rfc3602Section4Cases() {
        final List<RfcVectors.Block> cases = RfcVectors.load("rfc3602-aes-cbc.txt");
        for (final RfcVectors.Block c : cases) {
            final byte[] espHeader = c.has("spi")
                    ? ByteBuffer.allocate(8).put(c.hex("spi")).put(c.hex("seq")).array()
                    : new byte[0];
            check(c.hex("key"), espHeader, c.hex("iv"), c.hex("plaintext"), c.hex("ciphertext"), c.toString());
        }
        assertEquals(8, cases.size());
        assertEquals(4, cases.stream().filter(c -> c.has("spi")).count());
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
            check(c.hex("key"), new byte[0], c.hex("iv"), plain, c.hex("ct"), c.toString());
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

    /** Encrypts and decrypts {@code header || iv || text}, the IV and text at the offsets the header leaves. */
    private static void check(final byte[] key, final byte[] header, final byte[] iv, final byte[] plain,
                              final byte[] ct, final String what) {
        final EncryptionAlgorithm algorithm = switch (key.length) {
            case 16 -> EncryptionAlgorithm.AES_128_CBC;
            case 24 -> EncryptionAlgorithm.AES_192_CBC;
            default -> EncryptionAlgorithm.AES_256_CBC;
        };
        final CbcCipher cipher = new CbcCipher(algorithm, key, RANDOM);
        assertEquals(16, cipher.ivLength());
        final int textOffset = header.length + 16;
        final int n = textOffset + plain.length;
        final byte[] in = new byte[n];
        final byte[] out = new byte[n];
        System.arraycopy(header, 0, in, 0, header.length);
        System.arraycopy(iv, 0, in, header.length, 16);
        System.arraycopy(plain, 0, in, textOffset, plain.length);
        cipher.encrypt(in, header.length, textOffset, plain.length, out);
        assertArrayEquals(ct, Arrays.copyOfRange(out, textOffset, n), what);

        System.arraycopy(ct, 0, in, textOffset, ct.length);
        cipher.decrypt(in, header.length, textOffset, ct.length, out);
        assertArrayEquals(plain, Arrays.copyOfRange(out, textOffset, n), what);
    }
}
