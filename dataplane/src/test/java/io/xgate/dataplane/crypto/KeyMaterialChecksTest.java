package io.xgate.dataplane.crypto;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Construction rejects bad keys and combinations, and the message never carries key bytes. */
class KeyMaterialChecksTest {
    private static final byte KEY_BYTE = (byte) 0xA7;

    static Object[] providers() {
        return TestProviders.providers().toArray();
    }

    @ParameterizedTest
    @MethodSource("providers")
    void wrongKeyLengthsAreRejectedWithoutTheKey(final CryptoProvider provider) {
        for (final EncryptionAlgorithm encryption : EncryptionAlgorithm.values()) {
            final IntegrityAlgorithm integrity = encryption.isAead() ? IntegrityAlgorithm.NONE
                    : IntegrityAlgorithm.SHA256_128;
            final byte[] longKey = key(encryption.keyLength() + 1);
            final var e = assertThrows(IllegalArgumentException.class, () -> provider.newEspCipher(encryption,
                    longKey, integrity, key(integrity.keyLength()), false), encryption.configName());
            assertKeyAbsent(e.getMessage());
            assertTrue(e.getMessage().contains(String.valueOf(encryption.keyLength())), e.getMessage());
        }
        for (final IntegrityAlgorithm integrity : IntegrityAlgorithm.values()) {
            if (integrity == IntegrityAlgorithm.NONE) {
                continue;
            }
            final var e = assertThrows(IllegalArgumentException.class, () -> provider.newEspCipher(
                    EncryptionAlgorithm.AES_128_CBC, key(16), integrity, key(integrity.keyLength() - 1), false));
            assertKeyAbsent(e.getMessage());
            assertKeyAbsent(assertThrows(IllegalArgumentException.class,
                    () -> provider.newPacketMac(integrity, key(3))).getMessage());
        }
    }

    @ParameterizedTest
    @MethodSource("providers")
    void gcmWithIntegrityAndNullWithoutAreRejected(final CryptoProvider provider) {
        assertThrows(IllegalArgumentException.class, () -> provider.newEspCipher(EncryptionAlgorithm.AES_128_GCM,
                key(20), IntegrityAlgorithm.SHA256_128, key(32), false));
        assertThrows(IllegalArgumentException.class, () -> provider.newEspCipher(EncryptionAlgorithm.NULL,
                key(0), IntegrityAlgorithm.NONE, key(0), false));
        assertThrows(IllegalArgumentException.class, () -> provider.newEspCipher(EncryptionAlgorithm.AES_256_CBC,
                key(32), IntegrityAlgorithm.NONE, key(0), false));
        assertThrows(IllegalArgumentException.class, () -> provider.newPacketMac(IntegrityAlgorithm.NONE, key(0)));
    }

    @ParameterizedTest
    @MethodSource("providers")
    void toStringNamesTheSuiteNotTheKey(final CryptoProvider provider) {
        try (EspCipher cipher = provider.newEspCipher(EncryptionAlgorithm.AES_256_GCM, key(36),
                IntegrityAlgorithm.NONE, key(0), true);
             EspCipher cbc = provider.newEspCipher(EncryptionAlgorithm.AES_128_CBC, key(16),
                     IntegrityAlgorithm.SHA1_96, key(20), false)) {
            assertKeyAbsent(cipher.toString());
            assertKeyAbsent(cbc.toString());
            assertTrue(cipher.toString().contains("aes-256-gcm"), cipher.toString());
        }
    }

    private static byte[] key(final int length) {
        final byte[] key = new byte[length];
        Arrays.fill(key, KEY_BYTE);
        return key;
    }

    private static void assertKeyAbsent(final String text) {
        final String hex = HexFormat.of().formatHex(new byte[] {KEY_BYTE, KEY_BYTE});
        assertFalse(text.toLowerCase().contains(hex), text);
        assertFalse(text.contains(String.valueOf(KEY_BYTE)), text);
    }
}
