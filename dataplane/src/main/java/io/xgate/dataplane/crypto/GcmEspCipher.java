package io.xgate.dataplane.crypto;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.util.Objects;

/**
 * AES-GCM ESP (RFC 4106) on top of any {@link GcmEngine}: nonce = salt || explicit IV, the explicit IV is
 * the 64-bit sequence number (unique per key, so never repeated), AAD = SPI || seq or, with ESN,
 * SPI || seqHi || seqLo (RFC 4106 §5), 16-byte ICV after the text.
 */
public final class GcmEspCipher implements EspCipher {
    private static final ValueLayout.OfLong LONG_BE = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
    private static final ValueLayout.OfInt INT_BE = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
    private static final int SPI_AND_SEQ = 8;
    private static final int SALT_LENGTH = 4;
    private static final int IV_LENGTH = 8;
    private static final int AAD_OFFSET = 16;

    private final EncryptionAlgorithm encryption;
    private final GcmEngine engine;
    private final boolean esn;
    private final int aadLength;
    private final Arena arena;
    // nonce (salt || IV) at 0, AAD at AAD_OFFSET: native so an engine may pass their addresses to C.
    private final MemorySegment nonce;
    private final MemorySegment aad;
    private boolean closed;

    /**
     * @param keyMaterial AES key || 4-byte salt; only the salt is kept here, the engine owns the key.
     */
    public GcmEspCipher(final EncryptionAlgorithm encryption, final byte[] keyMaterial, final GcmEngine engine,
                        final boolean esn) {
        if (!encryption.isAead() || encryption.aeadIcvLength() != GcmEngine.TAG_LENGTH) {
            throw new IllegalArgumentException(encryption.configName() + " is not an AES-GCM transform");
        }
        this.encryption = encryption;
        this.engine = engine;
        this.esn = esn;
        this.aadLength = esn ? 12 : 8;
        this.arena = Arena.ofShared();
        final MemorySegment scratch = arena.allocate(AAD_OFFSET + 16, 16);
        this.nonce = scratch.asSlice(0, GcmEngine.NONCE_LENGTH);
        this.aad = scratch.asSlice(AAD_OFFSET, 12);
        MemorySegment.copy(keyMaterial, keyMaterial.length - SALT_LENGTH, nonce, ValueLayout.JAVA_BYTE, 0,
                SALT_LENGTH);
    }

    @Override
    public EncryptionAlgorithm encryption() {
        return encryption;
    }

    @Override
    public IntegrityAlgorithm integrity() {
        return IntegrityAlgorithm.NONE;
    }

    @Override
    public int ivLength() {
        return IV_LENGTH;
    }

    @Override
    public int icvLength() {
        return GcmEngine.TAG_LENGTH;
    }

    @Override
    public int blockSize() {
        return encryption.blockSize();
    }

    @Override
    public void seal(final MemorySegment frame, final long espOffset, final int textLength, final long seq) {
        if (textLength < 0) {
            throw new IllegalArgumentException("negative text length " + textLength);
        }
        Objects.checkFromIndexSize(espOffset, SPI_AND_SEQ + IV_LENGTH + (long) textLength + GcmEngine.TAG_LENGTH,
                frame.byteSize());
        if (engine.needsNativeSegments() && !frame.isNative()) {
            throw new IllegalArgumentException("this cipher needs frames in native memory");
        }
        final long ivOffset = espOffset + SPI_AND_SEQ;
        final long textOffset = ivOffset + IV_LENGTH;
        frame.set(LONG_BE, ivOffset, seq);
        nonce.set(LONG_BE, SALT_LENGTH, seq);
        fillAad(frame, espOffset, (int) (seq >>> 32));
        engine.seal(nonce, aad, aadLength, frame, textOffset, textLength, textOffset + textLength);
    }

    @Override
    public boolean open(final MemorySegment frame, final long espOffset, final int textLength, final int seqHi) {
        if (espOffset < 0 || textLength < 0
                || espOffset + SPI_AND_SEQ + IV_LENGTH + (long) textLength + GcmEngine.TAG_LENGTH > frame.byteSize()
                || (engine.needsNativeSegments() && !frame.isNative())) {
            return false;
        }
        final long ivOffset = espOffset + SPI_AND_SEQ;
        final long textOffset = ivOffset + IV_LENGTH;
        nonce.set(ValueLayout.JAVA_LONG_UNALIGNED, SALT_LENGTH, frame.get(ValueLayout.JAVA_LONG_UNALIGNED, ivOffset));
        fillAad(frame, espOffset, seqHi);
        return engine.open(nonce, aad, aadLength, frame, textOffset, textLength, textOffset + textLength);
    }

    private void fillAad(final MemorySegment frame, final long espOffset, final int seqHi) {
        // SPI and the low sequence half are copied as the wire has them; only seqHi is ours to encode.
        aad.set(ValueLayout.JAVA_INT_UNALIGNED, 0, frame.get(ValueLayout.JAVA_INT_UNALIGNED, espOffset));
        final int seqLo = frame.get(ValueLayout.JAVA_INT_UNALIGNED, espOffset + 4);
        if (esn) {
            aad.set(INT_BE, 4, seqHi);
            aad.set(ValueLayout.JAVA_INT_UNALIGNED, 8, seqLo);
        } else {
            aad.set(ValueLayout.JAVA_INT_UNALIGNED, 4, seqLo);
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        engine.close();
        nonce.fill((byte) 0);
        arena.close();
    }

    @Override
    public String toString() {
        return "GcmEspCipher[" + encryption.configName() + (esn ? ", esn" : "") + "]";
    }
}
