package io.xgate.dataplane.crypto;

import java.lang.foreign.MemorySegment;

/**
 * The AES-GCM primitive one provider implements: a key expanded once, a 12-byte nonce and a 16-byte tag,
 * text transformed in place. Knows nothing of ESP; {@link GcmEspCipher} frames it. Owned by one thread.
 * Nonce and AAD are read from offset 0 of their segments; segments must be native when the engine
 * {@link #needsNativeSegments() says so}.
 */
public interface GcmEngine extends AutoCloseable {
    int NONCE_LENGTH = 12;
    int TAG_LENGTH = 16;

    /** True when every segment handed in must be native (the engine passes raw addresses to C). */
    boolean needsNativeSegments();

    /** Encrypts [textOffset, textOffset+textLength) of data in place and writes the tag at tagOffset. */
    void seal(MemorySegment nonce, MemorySegment aad, int aadLength,
              MemorySegment data, long textOffset, int textLength, long tagOffset);

    /**
     * Checks the tag at tagOffset and decrypts the text in place.
     *
     * @return false when the tag does not verify; the text is then undefined.
     */
    boolean open(MemorySegment nonce, MemorySegment aad, int aadLength,
                 MemorySegment data, long textOffset, int textLength, long tagOffset);

    /** Wipes the expanded key and scratch. */
    @Override
    void close();
}
