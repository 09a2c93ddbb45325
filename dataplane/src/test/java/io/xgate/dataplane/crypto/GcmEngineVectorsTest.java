package io.xgate.dataplane.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Wycheproof AES-GCM (96-bit IV, 128-bit tag groups, arbitrary AAD) against each GCM engine. */
class GcmEngineVectorsTest {
    private static final List<Wycheproof.Case> CASES = Wycheproof.load("aes_gcm_test.json");

    static List<?> engines() {
        return TestProviders.gcmEngines();
    }

    @ParameterizedTest
    @MethodSource("engines")
    void sealMatchesEveryValidVector(final Function<byte[], GcmEngine> engines) {
        int checked = 0;
        for (final Wycheproof.Case c : CASES) {
            if (!c.valid()) {
                continue;
            }
            final byte[] msg = c.hex("msg");
            try (Arena arena = Arena.ofConfined(); GcmEngine engine = engines.apply(c.hex("key"))) {
                final MemorySegment data = arena.allocate(msg.length + GcmEngine.TAG_LENGTH + 1);
                MemorySegment.copy(msg, 0, data, ValueLayout.JAVA_BYTE, 0, msg.length);
                engine.seal(nonce(arena, c), aad(arena, c), c.hex("aad").length, data, 0, msg.length, msg.length);
                assertArrayEquals(c.hex("ct"), data.asSlice(0, msg.length).toArray(ValueLayout.JAVA_BYTE), c.toString());
                assertArrayEquals(c.hex("tag"),
                        data.asSlice(msg.length, GcmEngine.TAG_LENGTH).toArray(ValueLayout.JAVA_BYTE), c.toString());
            }
            checked++;
        }
        assertTrue(checked > 100, "too few valid vectors: " + checked);
    }

    @ParameterizedTest
    @MethodSource("engines")
    void openAcceptsValidAndRejectsInvalidVectors(final Function<byte[], GcmEngine> engines) {
        int rejected = 0;
        for (final Wycheproof.Case c : CASES) {
            final byte[] ct = c.hex("ct");
            final byte[] tag = c.hex("tag");
            if (tag.length != GcmEngine.TAG_LENGTH) {
                continue;
            }
            try (Arena arena = Arena.ofConfined(); GcmEngine engine = engines.apply(c.hex("key"))) {
                final MemorySegment data = arena.allocate(ct.length + GcmEngine.TAG_LENGTH + 1);
                MemorySegment.copy(ct, 0, data, ValueLayout.JAVA_BYTE, 0, ct.length);
                MemorySegment.copy(tag, 0, data, ValueLayout.JAVA_BYTE, ct.length, tag.length);
                final boolean opened = engine.open(nonce(arena, c), aad(arena, c), c.hex("aad").length, data, 0,
                        ct.length, ct.length);
                if (c.valid()) {
                    assertTrue(opened, c.toString());
                    assertArrayEquals(c.hex("msg"), data.asSlice(0, ct.length).toArray(ValueLayout.JAVA_BYTE),
                            c.toString());
                } else {
                    assertFalse(opened, c.toString());
                    rejected++;
                }
            }
        }
        assertTrue(rejected > 10, "too few invalid vectors: " + rejected);
    }

    private static MemorySegment nonce(final Arena arena, final Wycheproof.Case c) {
        final byte[] iv = c.hex("iv");
        assertEquals(GcmEngine.NONCE_LENGTH, iv.length);
        return arena.allocateFrom(ValueLayout.JAVA_BYTE, iv);
    }

    private static MemorySegment aad(final Arena arena, final Wycheproof.Case c) {
        final byte[] aad = c.hex("aad");
        // A one-byte segment for empty AAD: the engine may take its address but reads nothing.
        return aad.length == 0 ? arena.allocate(1) : arena.allocateFrom(ValueLayout.JAVA_BYTE, aad);
    }
}
