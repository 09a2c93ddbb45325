package io.xgate.dataplane.crypto.jdk;

/** RFC 2410: no IV, the text passes through unchanged. */
final class NullCipher implements TextCipher {
    static final NullCipher INSTANCE = new NullCipher();

    private NullCipher() {
    }

    @Override
    public int ivLength() {
        return 0;
    }

    @Override
    public void writeIv(final long seq, final byte[] dst, final int offset) {
        // NULL encryption carries no IV.
    }

    @Override
    public void encrypt(final byte[] in, final int ivOffset, final int textOffset, final int length, final byte[] out) {
        System.arraycopy(in, textOffset, out, textOffset, length);
    }

    @Override
    public void decrypt(final byte[] in, final int ivOffset, final int textOffset, final int length, final byte[] out) {
        System.arraycopy(in, textOffset, out, textOffset, length);
    }

    @Override
    public void wipe() {
        // Holds no key.
    }
}
