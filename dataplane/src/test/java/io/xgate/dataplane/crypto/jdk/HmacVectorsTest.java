package io.xgate.dataplane.crypto.jdk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.xgate.dataplane.crypto.IntegrityAlgorithm;
import io.xgate.dataplane.crypto.Wycheproof;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The allocation-free HMAC against Wycheproof and RFC 2202/4231/4868, truncations included. */
class HmacVectorsTest {
    @ParameterizedTest
    @CsvSource({"hmac_sha1_test.json, SHA1_96", "hmac_sha256_test.json, SHA256_128",
            "hmac_sha384_test.json, SHA384_192", "hmac_sha512_test.json, SHA512_256"})
    void wycheproof(final String file, final IntegrityAlgorithm algorithm) {
        int checked = 0;
        for (final Wycheproof.Case c : Wycheproof.load(file)) {
            final byte[] tag = c.hex("tag");
            final byte[] mac = mac(algorithm, c.hex("key"), c.hex("msg"));
            final boolean matches = Arrays.equals(tag, Arrays.copyOf(mac, c.groupInt("tagSize") / 8));
            if (c.valid()) {
                assertTrue(matches, c.toString());
            } else if (c.invalid()) {
                assertFalse(matches, c.toString());
            }
            checked++;
        }
        assertTrue(checked > 150);
    }

    @Test
    void rfc2202And4231And4868() throws IOException {
        int checked = 0;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                HmacVectorsTest.class.getResourceAsStream("/vectors/rfc/hmac.txt"), StandardCharsets.US_ASCII))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                final String[] f = line.split(" ");
                final byte[] expected = HexFormat.of().parseHex(f[4]);
                final byte[] mac = mac(IntegrityAlgorithm.fromConfigName(f[1]), HexFormat.of().parseHex(f[2]),
                        f[3].equals("-") ? new byte[0] : HexFormat.of().parseHex(f[3]));
                assertArrayEquals(expected, Arrays.copyOf(mac, expected.length), f[0] + " " + f[1]);
                checked++;
            }
        }
        assertEquals(8 + 3 * 11, checked);
    }

    @Test
    void consecutiveMessagesAreIndependent() {
        final Hmac hmac = new Hmac(IntegrityAlgorithm.SHA256_128, new byte[32]);
        final byte[] first = new byte[32];
        final byte[] again = new byte[32];
        hmac.update(new byte[] {1, 2, 3}, 0, 3);
        hmac.finish(first, 0);
        hmac.update(new byte[] {9}, 0, 1);
        hmac.finish(again, 0);
        hmac.update(new byte[] {1, 2, 3}, 0, 3);
        hmac.finish(again, 0);
        assertArrayEquals(first, again);
    }

    private static byte[] mac(final IntegrityAlgorithm algorithm, final byte[] key, final byte[] message) {
        final Hmac hmac = new Hmac(algorithm, key);
        final byte[] out = new byte[hmac.macLength()];
        hmac.update(message, 0, message.length);
        hmac.finish(out, 0);
        return out;
    }
}
