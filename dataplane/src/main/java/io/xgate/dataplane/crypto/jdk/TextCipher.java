package io.xgate.dataplane.crypto.jdk;

/**
 * The confidentiality half of a non-AEAD ESP transform. Buffers share one layout: the IV at ivOffset and
 * the text at textOffset of {@code in}; results land at textOffset of {@code out} (never the same array:
 * the JDK copies overlapping input).
 */
interface TextCipher {
    int ivLength();

    /** Writes the IV for the packet with this sequence number at dst[offset]. */
    void writeIv(long seq, byte[] dst, int offset);

    /** May overwrite the text in {@code in}. */
    void encrypt(byte[] in, int ivOffset, int textOffset, int length, byte[] out);

    void decrypt(byte[] in, int ivOffset, int textOffset, int length, byte[] out);

    void wipe();
}
