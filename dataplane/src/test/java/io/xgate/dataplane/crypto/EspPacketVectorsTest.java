package io.xgate.dataplane.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The AES-GCM-ESP packets of draft-mcgrew-gcm-test-01 (vectors/rfc/draft-mcgrew-gcm-test-01.txt) against every
 * provider. Open takes the draft's wire packet and must give back its plaintext, ESP trailer included, and
 * refuse it after any one-bit change. Seal cannot be compared at the ESP level: {@link GcmEspCipher} sends the
 * sequence number as the explicit IV, and no packet in the draft uses that IV, so the GCM half of sealing is
 * pinned through each {@link GcmEngine} with the draft's nonce and AAD, and the framing half by open.
 */
class EspPacketVectorsTest {
    private static final List<RfcVectors.Block> BLOCKS = RfcVectors.load("draft-mcgrew-gcm-test-01.txt");
    private static final List<DraftCase> CASES = BLOCKS.stream().filter(b -> !b.has("skip")).map(DraftCase::of)
            .toList();
    /** Where the ESP header sits in the frame: behind an Ethernet header, as on the wire. */
    private static final long OFFSET = 14;
    private static final int SPI_AND_SEQ = 8;
    private static final int SALT_LENGTH = 4;

    /** One AES-GCM-ESP case in the shape our SA takes it: RFC 4106 §8.1 keying material is key || salt. */
    private record DraftCase(String name, EncryptionAlgorithm encryption, byte[] key, boolean esn, int seqHi,
                             byte[] spi, byte[] seq, byte[] nonce, byte[] aad, byte[] plaintext, byte[] ctextTag,
                             byte[] packet) {
        static DraftCase of(final RfcVectors.Block b) {
            final byte[] key = b.hex("key");
            final byte[] seq = b.hex("seq");
            final boolean esn = seq.length == 8;
            final EncryptionAlgorithm encryption = switch (key.length) {
                case 16 -> EncryptionAlgorithm.AES_128_GCM;
                case 24 -> EncryptionAlgorithm.AES_192_GCM;
                case 32 -> EncryptionAlgorithm.AES_256_GCM;
                default -> throw new IllegalArgumentException(b + ": " + key.length + "-byte key");
            };
            return new DraftCase(b.toString(), encryption, key, esn, esn ? ByteBuffer.wrap(seq).getInt() : 0,
                    b.hex("spi"), seq, b.hex("nonce"), b.hex("aad"), b.hex("plaintext"), b.hex("ctext+tag"),
                    b.hex("packet"));
        }

        EspCipher cipher(final CryptoProvider provider) {
            final byte[] keyMaterial = Arrays.copyOf(key, key.length + SALT_LENGTH);
            System.arraycopy(nonce, 0, keyMaterial, key.length, SALT_LENGTH);
            return provider.newEspCipher(encryption, keyMaterial, IntegrityAlgorithm.NONE, new byte[0], esn);
        }

        MemorySegment frame(final Arena arena) {
            final MemorySegment frame = arena.allocate(OFFSET + packet.length);
            MemorySegment.copy(packet, 0, frame, ValueLayout.JAVA_BYTE, OFFSET, packet.length);
            return frame;
        }
    }

    static Object[] providers() {
        return TestProviders.providers().toArray();
    }

    static List<?> engines() {
        return TestProviders.gcmEngines();
    }

    @Test
    void everyDraftPacketIsHereAndOnlyGmacIsSkipped() {
        assertEquals(17, BLOCKS.size());
        final List<RfcVectors.Block> skipped = BLOCKS.stream().filter(b -> b.has("skip")).toList();
        assertEquals(1, skipped.size());
        assertEquals("AES-GMAC-ESP", skipped.getFirst().text("algorithm"));
        final Set<EncryptionAlgorithm> sizes = EnumSet.noneOf(EncryptionAlgorithm.class);
        CASES.forEach(c -> sizes.add(c.encryption));
        assertEquals(EnumSet.of(EncryptionAlgorithm.AES_128_GCM, EncryptionAlgorithm.AES_192_GCM,
                EncryptionAlgorithm.AES_256_GCM), sizes);
        assertEquals(11, CASES.stream().filter(DraftCase::esn).count());
    }

    /** The draft's nonce and AAD are what GcmEspCipher derives from the wire packet (RFC 4106 §4, §5). */
    @Test
    void nonceAndAadAreTheRfc4106FramingOfEachPacket() {
        for (final DraftCase c : CASES) {
            final byte[] ivOnWire = Arrays.copyOfRange(c.packet, SPI_AND_SEQ, SPI_AND_SEQ + 8);
            assertArrayEquals(ivOnWire, Arrays.copyOfRange(c.nonce, SALT_LENGTH, GcmEngine.NONCE_LENGTH), c.name);
            assertArrayEquals(c.spi, Arrays.copyOfRange(c.packet, 0, 4), c.name);
            // Only the low half of an extended sequence number travels (RFC 4303 §2.2.1).
            assertArrayEquals(Arrays.copyOfRange(c.seq, c.seq.length - 4, c.seq.length),
                    Arrays.copyOfRange(c.packet, 4, SPI_AND_SEQ), c.name);
            assertArrayEquals(ByteBuffer.allocate(c.aad.length).put(c.spi).put(c.seq).array(), c.aad, c.name);
            assertArrayEquals(c.ctextTag, Arrays.copyOfRange(c.packet, SPI_AND_SEQ + 8, c.packet.length), c.name);
        }
    }

    @ParameterizedTest
    @MethodSource("providers")
    void opensEveryDraftPacketToItsPlaintext(final CryptoProvider provider) {
        for (final DraftCase c : CASES) {
            try (Arena arena = Arena.ofConfined(); EspCipher cipher = c.cipher(provider)) {
                final MemorySegment frame = c.frame(arena);
                assertEquals(c.packet.length, SPI_AND_SEQ + cipher.ivLength() + c.plaintext.length
                        + cipher.icvLength(), c.name);
                assertTrue(cipher.open(frame, OFFSET, c.plaintext.length, c.seqHi), c.name);
                assertArrayEquals(c.plaintext, frame.asSlice(OFFSET + SPI_AND_SEQ + cipher.ivLength(),
                        c.plaintext.length).toArray(ValueLayout.JAVA_BYTE), c.name);
            }
        }
    }

    /** One flipped bit in each part the ICV covers (SPI, seq, IV, ciphertext, ICV), and a wrong seqHi for ESN. */
    @ParameterizedTest
    @MethodSource("providers")
    void refusesEveryDraftPacketWithOneBitChanged(final CryptoProvider provider) {
        for (final DraftCase c : CASES) {
            try (Arena arena = Arena.ofConfined(); EspCipher cipher = c.cipher(provider)) {
                for (final int at : new int[] {0, 4, SPI_AND_SEQ, SPI_AND_SEQ + 8, c.packet.length - 1}) {
                    final MemorySegment frame = c.frame(arena);
                    frame.set(ValueLayout.JAVA_BYTE, OFFSET + at, (byte) (c.packet[at] ^ 0x01));
                    assertFalse(cipher.open(frame, OFFSET, c.plaintext.length, c.seqHi), c.name + " byte " + at);
                }
                if (c.esn) {
                    assertFalse(cipher.open(c.frame(arena), OFFSET, c.plaintext.length, c.seqHi ^ 1), c.name);
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("engines")
    void engineSealsEveryDraftPlaintextToItsCiphertextAndTag(final Function<byte[], GcmEngine> engines) {
        for (final DraftCase c : CASES) {
            try (Arena arena = Arena.ofConfined(); GcmEngine engine = engines.apply(c.key)) {
                final MemorySegment data = arena.allocate(c.ctextTag.length);
                MemorySegment.copy(c.plaintext, 0, data, ValueLayout.JAVA_BYTE, 0, c.plaintext.length);
                engine.seal(arena.allocateFrom(ValueLayout.JAVA_BYTE, c.nonce),
                        arena.allocateFrom(ValueLayout.JAVA_BYTE, c.aad), c.aad.length, data, 0,
                        c.plaintext.length, c.plaintext.length);
                assertArrayEquals(c.ctextTag, data.toArray(ValueLayout.JAVA_BYTE), c.name);
            }
        }
    }
}
