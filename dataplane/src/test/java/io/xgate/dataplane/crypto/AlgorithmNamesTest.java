package io.xgate.dataplane.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class AlgorithmNamesTest {
    @Test
    void configNamesRoundTrip() {
        for (final EncryptionAlgorithm a : EncryptionAlgorithm.values()) {
            assertEquals(a, EncryptionAlgorithm.fromConfigName(a.configName()));
        }
        for (final IntegrityAlgorithm a : IntegrityAlgorithm.values()) {
            assertEquals(a, IntegrityAlgorithm.fromConfigName(a.configName()));
        }
    }

    @Test
    void gcmKeysCarryTheSalt() {
        assertEquals(20, EncryptionAlgorithm.AES_128_GCM.keyLength());
        assertEquals(36, EncryptionAlgorithm.AES_256_GCM.keyLength());
        assertEquals(16, IntegrityAlgorithm.SHA256_128.icvLength());
    }

    @Test
    void unknownNamesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> EncryptionAlgorithm.fromConfigName("rot13"));
    }
}
