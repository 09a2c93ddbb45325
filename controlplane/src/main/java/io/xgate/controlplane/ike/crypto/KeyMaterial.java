package io.xgate.controlplane.ike.crypto;

import java.util.Arrays;

/**
 * Secret bytes: SKEYSEED, SK_*, KEYMAT, Diffie-Hellman shared secrets. Never printed (only the length),
 * copied in and out so no caller can change it, and wipeable once the data plane holds the key.
 */
public final class KeyMaterial {
    private final byte[] bytes;

    private KeyMaterial(final byte[] bytes) {
        this.bytes = bytes;
    }

    public static KeyMaterial copyOf(final byte[] bytes) {
        return new KeyMaterial(bytes.clone());
    }

    /** Takes ownership of a freshly computed array the caller does not keep. */
    static KeyMaterial wrap(final byte[] bytes) {
        return new KeyMaterial(bytes);
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    public int length() {
        return bytes.length;
    }

    public KeyMaterial slice(final int offset, final int length) {
        return new KeyMaterial(Arrays.copyOfRange(bytes, offset, offset + length));
    }

    /** Overwrites the key with zeros; later reads see zeros. */
    public void wipe() {
        Arrays.fill(bytes, (byte) 0);
    }

    @Override
    public String toString() {
        return "KeyMaterial[" + bytes.length + " bytes]";
    }
}
