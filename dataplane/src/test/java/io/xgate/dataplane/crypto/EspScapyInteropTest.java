package io.xgate.dataplane.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * ESP packets sealed by scapy (an independent implementation; vectors/scapy/generate.py) must open here,
 * and where our IV is deterministic (GCM: the sequence number; NULL: none) our seal must reproduce them
 * byte for byte. This pins the framing a round trip cannot: salt position, AAD order, ICV coverage, ESN.
 */
class EspScapyInteropTest {
    private static final long OFFSET = 14;

    static Object[] providers() {
        return TestProviders.providers().toArray();
    }

    @ParameterizedTest
    @MethodSource("providers")
    void opensScapyPacketsAndRejectsAWrongSeqHi(final CryptoProvider provider) throws IOException {
        for (final JsonNode v : vectors()) {
            final byte[] esp = hex(v, "esp");
            final byte[] text = hex(v, "text");
            try (Arena arena = Arena.ofConfined(); EspCipher cipher = cipher(provider, v)) {
                final MemorySegment frame = frame(arena, esp);
                assertEquals(esp.length, 8 + cipher.ivLength() + text.length + cipher.icvLength(), describe(v));
                assertTrue(cipher.open(frame, OFFSET, text.length, v.get("seqHi").asInt()), describe(v));
                assertArrayEquals(text, frame.asSlice(OFFSET + 8 + cipher.ivLength(), text.length)
                        .toArray(ValueLayout.JAVA_BYTE), describe(v));
                if (v.get("esn").asBoolean()) {
                    final MemorySegment again = frame(arena, esp);
                    assertFalse(cipher.open(again, OFFSET, text.length, v.get("seqHi").asInt() + 1), describe(v));
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("providers")
    void sealReproducesScapyWhereTheIvIsDeterministic(final CryptoProvider provider) throws IOException {
        int compared = 0;
        for (final JsonNode v : vectors()) {
            final EncryptionAlgorithm encryption = EncryptionAlgorithm.fromConfigName(v.get("encryption").asText());
            if (!encryption.isAead() && encryption != EncryptionAlgorithm.NULL) {
                continue;
            }
            final byte[] esp = hex(v, "esp");
            final byte[] text = hex(v, "text");
            try (Arena arena = Arena.ofConfined(); EspCipher cipher = cipher(provider, v)) {
                final MemorySegment frame = arena.allocate(OFFSET + esp.length);
                MemorySegment.copy(esp, 0, frame, ValueLayout.JAVA_BYTE, OFFSET, 8);
                MemorySegment.copy(text, 0, frame, ValueLayout.JAVA_BYTE, OFFSET + 8 + cipher.ivLength(), text.length);
                final long seqLo = Integer.toUnsignedLong(
                        frame.get(ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN), OFFSET + 4));
                cipher.seal(frame, OFFSET, text.length, ((long) v.get("seqHi").asInt() << 32) | seqLo);
                assertArrayEquals(esp, frame.asSlice(OFFSET).toArray(ValueLayout.JAVA_BYTE), describe(v));
            }
            compared++;
        }
        assertEquals(8, compared);
    }

    private static EspCipher cipher(final CryptoProvider provider, final JsonNode v) {
        return provider.newEspCipher(EncryptionAlgorithm.fromConfigName(v.get("encryption").asText()),
                hex(v, "encryptionKey"), IntegrityAlgorithm.fromConfigName(v.get("integrity").asText()),
                hex(v, "integrityKey"), v.get("esn").asBoolean());
    }

    private static MemorySegment frame(final Arena arena, final byte[] esp) {
        final MemorySegment frame = arena.allocate(OFFSET + esp.length);
        MemorySegment.copy(esp, 0, frame, ValueLayout.JAVA_BYTE, OFFSET, esp.length);
        return frame;
    }

    private static byte[] hex(final JsonNode v, final String field) {
        return HexFormat.of().parseHex(v.get(field).asText());
    }

    private static String describe(final JsonNode v) {
        return v.get("encryption").asText() + "/" + v.get("integrity").asText() + " esn=" + v.get("esn").asBoolean();
    }

    private static JsonNode vectors() throws IOException {
        try (InputStream in = EspScapyInteropTest.class.getResourceAsStream("/vectors/scapy/esp_packets.json")) {
            return new ObjectMapper().readTree(in);
        }
    }
}
