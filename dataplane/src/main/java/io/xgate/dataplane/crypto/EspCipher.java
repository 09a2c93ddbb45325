package io.xgate.dataplane.crypto;

import java.lang.foreign.MemorySegment;

/**
 * One SA's ESP protection (encryption and integrity together), keys expanded once at construction.
 * Owned by one worker thread; no allocation per packet on the fast paths.
 *
 * <p>Layout at {@code espOffset} in a native segment: SPI(4) | sequence(4) | IV(ivLength) |
 * text(textLength: payload, padding, pad length, next header) | ICV(icvLength).
 * The caller writes SPI, sequence and the plaintext; the cipher writes IV, ciphertext and ICV.
 */
public interface EspCipher extends AutoCloseable {
    EncryptionAlgorithm encryption();

    IntegrityAlgorithm integrity();

    /** Explicit IV bytes on the wire. */
    int ivLength();

    /** ICV bytes on the wire. */
    int icvLength();

    /** The text length must be a multiple of this (at least 4, RFC 4303 §2.4). */
    int blockSize();

    /**
     * Writes the IV, encrypts the text in place and appends the ICV.
     *
     * @param seq the full 64-bit sequence number; its high half enters the ICV when the SA uses ESN.
     */
    void seal(MemorySegment frame, long espOffset, int textLength, long seq);

    /**
     * Verifies the ICV and decrypts the text in place.
     *
     * @param seqHi the inferred high half of the sequence number (ESN SAs only; ignored otherwise).
     * @return false when the ICV does not verify; the text is then undefined and must be dropped.
     */
    boolean open(MemorySegment frame, long espOffset, int textLength, int seqHi);

    /** Wipes key material; the cipher is unusable afterwards. */
    @Override
    void close();
}
