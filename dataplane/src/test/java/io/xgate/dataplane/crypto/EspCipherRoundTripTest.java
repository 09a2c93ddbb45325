package io.xgate.dataplane.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every suite, with and without ESN, on every provider: seal then open, and every tampering is caught. */
class EspCipherRoundTripTest {
    private static final long OFFSET = 34;
    private static final int TEXT = 48;
    private static final long SEQ = 0x0000_0003_8000_0011L;

    static List<Arguments> suites() {
        final List<Arguments> suites = new ArrayList<>();
        for (final var provider : TestProviders.providers()) {
            for (final EncryptionAlgorithm encryption : EncryptionAlgorithm.values()) {
                for (final IntegrityAlgorithm integrity : IntegrityAlgorithm.values()) {
                    if (encryption.isAead() == (integrity == IntegrityAlgorithm.NONE)) {
                        suites.add(Arguments.of(provider, encryption, integrity, false));
                        suites.add(Arguments.of(provider, encryption, integrity, true));
                    }
                }
            }
        }
        return suites;
    }

    @ParameterizedTest(name = "{0} {1}/{2} esn={3}")
    @MethodSource("suites")
    void sealThenOpenRestoresTheText(final CryptoProvider provider, final EncryptionAlgorithm encryption,
                                     final IntegrityAlgorithm integrity, final boolean esn) {
        try (Arena arena = Arena.ofConfined(); EspCipher cipher = newCipher(provider, encryption, integrity, esn)) {
            final byte[] text = text();
            final MemorySegment frame = sealed(arena, cipher, text, SEQ);
            final int sealedLength = 8 + cipher.ivLength() + TEXT + cipher.icvLength();
            assertEquals(integrity == IntegrityAlgorithm.NONE ? 16 : integrity.icvLength(), cipher.icvLength());
            if (encryption != EncryptionAlgorithm.NULL) {
                assertNotEquals(MemorySegment.ofArray(text).mismatch(frame.asSlice(OFFSET + 8 + cipher.ivLength(),
                        TEXT)), -1, "text left in clear");
            }
            assertTrue(cipher.open(frame, OFFSET, TEXT, (int) (SEQ >>> 32)));
            assertArrayEquals(text, frame.asSlice(OFFSET + 8 + cipher.ivLength(), TEXT).toArray(ValueLayout.JAVA_BYTE));
            assertEquals(0, frame.get(ValueLayout.JAVA_BYTE, OFFSET + sealedLength), "wrote past the ICV");
        }
    }

    @ParameterizedTest(name = "{0} {1}/{2} esn={3}")
    @MethodSource("suites")
    void aFlippedBitAnywhereFailsOpen(final CryptoProvider provider, final EncryptionAlgorithm encryption,
                                      final IntegrityAlgorithm integrity, final boolean esn) {
        try (Arena arena = Arena.ofConfined(); EspCipher cipher = newCipher(provider, encryption, integrity, esn)) {
            final MemorySegment original = sealed(arena, cipher, text(), SEQ);
            final int sealedLength = 8 + cipher.ivLength() + TEXT + cipher.icvLength();
            final MemorySegment frame = arena.allocate(original.byteSize());
            for (int i = 0; i < sealedLength; i++) {
                frame.copyFrom(original);
                final long at = OFFSET + i;
                frame.set(ValueLayout.JAVA_BYTE, at, (byte) (frame.get(ValueLayout.JAVA_BYTE, at) ^ (1 << (i % 8))));
                assertFalse(cipher.open(frame, OFFSET, TEXT, (int) (SEQ >>> 32)), "flipped byte " + i);
            }
        }
    }

    @ParameterizedTest(name = "{0} {1}/{2} esn={3}")
    @MethodSource("suites")
    void seqHiCountsOnlyWithEsn(final CryptoProvider provider, final EncryptionAlgorithm encryption,
                                final IntegrityAlgorithm integrity, final boolean esn) {
        try (Arena arena = Arena.ofConfined(); EspCipher cipher = newCipher(provider, encryption, integrity, esn)) {
            final MemorySegment frame = sealed(arena, cipher, text(), SEQ);
            assertEquals(!esn, cipher.open(frame, OFFSET, TEXT, (int) (SEQ >>> 32) + 1));
        }
    }

    @ParameterizedTest(name = "{0} {1}/{2} esn={3}")
    @MethodSource("suites")
    void malformedLengthsAreRejectedNotThrown(final CryptoProvider provider, final EncryptionAlgorithm encryption,
                                              final IntegrityAlgorithm integrity, final boolean esn) {
        try (Arena arena = Arena.ofConfined(); EspCipher cipher = newCipher(provider, encryption, integrity, esn)) {
            final MemorySegment frame = sealed(arena, cipher, text(), SEQ);
            assertFalse(cipher.open(frame, OFFSET, TEXT + 4096, 0), "past the frame");
            assertFalse(cipher.open(frame, OFFSET, -1, 0), "negative");
            assertFalse(cipher.open(frame, -1, TEXT, 0), "negative offset");
            if (!encryption.isAead()) {
                assertFalse(cipher.open(frame, OFFSET, TEXT - 1, 0), "not block aligned");
            }
        }
    }

    @ParameterizedTest(name = "{0} {1}/{2} esn={3}")
    @MethodSource("suites")
    void ivChangesWithTheSequenceNumber(final CryptoProvider provider, final EncryptionAlgorithm encryption,
                                        final IntegrityAlgorithm integrity, final boolean esn) {
        try (Arena arena = Arena.ofConfined(); EspCipher cipher = newCipher(provider, encryption, integrity, esn)) {
            final byte[] text = text();
            final MemorySegment first = sealed(arena, cipher, text, SEQ);
            final MemorySegment second = sealed(arena, cipher, text, SEQ + 1);
            final long sealedLength = 8 + cipher.ivLength() + TEXT + cipher.icvLength();
            // Same text, next sequence number: IV (if any), ciphertext and ICV all change.
            assertNotEquals(-1, first.asSlice(OFFSET + 8, sealedLength - 8)
                    .mismatch(second.asSlice(OFFSET + 8, sealedLength - 8)));
            if (encryption.isAead()) {
                assertEquals(SEQ, first.get(ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN), OFFSET + 8));
            }
        }
    }

    @ParameterizedTest(name = "{0} {1}/{2} esn={3}")
    @MethodSource("suites")
    void aClosedCipherRefusesWork(final CryptoProvider provider, final EncryptionAlgorithm encryption,
                                  final IntegrityAlgorithm integrity, final boolean esn) {
        try (Arena arena = Arena.ofConfined()) {
            final EspCipher cipher = newCipher(provider, encryption, integrity, esn);
            final MemorySegment frame = sealed(arena, cipher, text(), SEQ);
            cipher.close();
            cipher.close();
            assertThrows(IllegalStateException.class, () -> cipher.seal(frame, OFFSET, TEXT, SEQ + 1));
            assertThrows(IllegalStateException.class, () -> cipher.open(frame, OFFSET, TEXT, 0));
        }
    }

    static EspCipher newCipher(final CryptoProvider provider, final EncryptionAlgorithm encryption,
                               final IntegrityAlgorithm integrity, final boolean esn) {
        final Random random = new Random(encryption.ordinal() * 31L + integrity.ordinal());
        final byte[] encryptionKey = new byte[encryption.keyLength()];
        final byte[] integrityKey = new byte[integrity.keyLength()];
        random.nextBytes(encryptionKey);
        random.nextBytes(integrityKey);
        return provider.newEspCipher(encryption, encryptionKey, integrity, integrityKey, esn);
    }

    private static byte[] text() {
        final byte[] text = new byte[TEXT];
        for (int i = 0; i < TEXT; i++) {
            text[i] = (byte) (i * 13 + 1);
        }
        return text;
    }

    /** A frame with SPI, the low sequence half and the text written, sealed; one spare zero byte after the ICV. */
    static MemorySegment sealed(final Arena arena, final EspCipher cipher, final byte[] text, final long seq) {
        final MemorySegment frame = arena.allocate(OFFSET + 8 + cipher.ivLength() + text.length + cipher.icvLength() + 1);
        final ValueLayout.OfInt beInt = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
        frame.set(beInt, OFFSET, 0xC0FFEE01);
        frame.set(beInt, OFFSET + 4, (int) seq);
        MemorySegment.copy(text, 0, frame, ValueLayout.JAVA_BYTE, OFFSET + 8 + cipher.ivLength(), text.length);
        cipher.seal(frame, OFFSET, text.length, seq);
        return frame;
    }
}
