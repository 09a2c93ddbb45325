package io.xgate.dataplane.crypto.jdk;

import io.xgate.dataplane.crypto.EncryptionAlgorithm;
import io.xgate.dataplane.crypto.EspCipher;
import io.xgate.dataplane.crypto.IntegrityAlgorithm;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;
import java.util.Objects;

/**
 * ESP with a CBC (or NULL) cipher and a truncated HMAC, encrypt-then-MAC (RFC 4303 §3.3.2): the ICV covers
 * SPI || seq || IV || ciphertext, plus seqHi when the SA uses ESN. Two heap staging arrays of one layout
 * (plaintext side, ciphertext side) keep Cipher and Mac away from overlapping arrays and from segments.
 */
final class HmacEspCipher implements EspCipher {
    private static final int SPI_AND_SEQ = 8;

    private final EncryptionAlgorithm encryption;
    private final TextCipher text;
    private final TruncatedIcv icv;
    private final boolean esn;
    private final int headerLength;
    private boolean closed;
    private byte[] plain = new byte[Staging.INITIAL_BYTES];
    private byte[] cipher = new byte[Staging.INITIAL_BYTES];

    HmacEspCipher(final EncryptionAlgorithm encryption, final TextCipher text, final TruncatedIcv icv,
                  final boolean esn) {
        this.encryption = encryption;
        this.text = text;
        this.icv = icv;
        this.esn = esn;
        this.headerLength = SPI_AND_SEQ + text.ivLength();
    }

    @Override
    public EncryptionAlgorithm encryption() {
        return encryption;
    }

    @Override
    public IntegrityAlgorithm integrity() {
        return icv.algorithm();
    }

    @Override
    public int ivLength() {
        return text.ivLength();
    }

    @Override
    public int icvLength() {
        return icv.length();
    }

    @Override
    public int blockSize() {
        return encryption.blockSize();
    }

    @Override
    public void seal(final MemorySegment frame, final long espOffset, final int textLength, final long seq) {
        ensureOpen();
        Objects.checkFromIndexSize(espOffset, headerLength + (long) textLength + icv.length(), frame.byteSize());
        if (!aligned(textLength)) {
            throw new IllegalArgumentException("text of " + textLength + " bytes is not a positive multiple of "
                    + encryption.blockSize());
        }
        final int covered = headerLength + textLength;
        plain = Staging.fit(plain, covered);
        cipher = Staging.fit(cipher, covered);
        MemorySegment.copy(frame, ValueLayout.JAVA_BYTE, espOffset, plain, 0, SPI_AND_SEQ);
        text.writeIv(seq, plain, SPI_AND_SEQ);
        MemorySegment.copy(frame, ValueLayout.JAVA_BYTE, espOffset + headerLength, plain, headerLength, textLength);
        System.arraycopy(plain, 0, cipher, 0, headerLength);
        text.encrypt(plain, SPI_AND_SEQ, headerLength, textLength, cipher);
        icv.compute(cipher, 0, covered, esn, (int) (seq >>> 32));
        MemorySegment.copy(cipher, SPI_AND_SEQ, frame, ValueLayout.JAVA_BYTE, espOffset + SPI_AND_SEQ,
                covered - SPI_AND_SEQ);
        icv.write(frame, espOffset + covered);
    }

    @Override
    public boolean open(final MemorySegment frame, final long espOffset, final int textLength, final int seqHi) {
        ensureOpen();
        if (espOffset < 0 || !aligned(textLength)
                || espOffset + headerLength + (long) textLength + icv.length() > frame.byteSize()) {
            return false;
        }
        final int covered = headerLength + textLength;
        plain = Staging.fit(plain, covered);
        cipher = Staging.fit(cipher, covered);
        MemorySegment.copy(frame, ValueLayout.JAVA_BYTE, espOffset, cipher, 0, covered);
        icv.compute(cipher, 0, covered, esn, seqHi);
        if (!icv.matches(frame, espOffset + covered)) {
            return false;
        }
        text.decrypt(cipher, SPI_AND_SEQ, headerLength, textLength, plain);
        MemorySegment.copy(plain, headerLength, frame, ValueLayout.JAVA_BYTE, espOffset + headerLength, textLength);
        return true;
    }

    private boolean aligned(final int textLength) {
        return textLength > 0 && textLength % encryption.blockSize() == 0;
    }

    /** A wiped key must not keep protecting packets (it would MAC with zeros): use after close is a bug. */
    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("used after close");
        }
    }

    @Override
    public void close() {
        closed = true;
        text.wipe();
        icv.wipe();
        Arrays.fill(plain, (byte) 0);
        Arrays.fill(cipher, (byte) 0);
    }

    @Override
    public String toString() {
        return "HmacEspCipher[" + encryption.configName() + "/" + icv.algorithm().configName()
                + (esn ? ", esn" : "") + "]";
    }
}
