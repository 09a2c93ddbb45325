package io.xgate.controlplane.config;

import java.security.MessageDigest;

/**
 * Key material from the config (pre-shared keys, manual keys). It never prints itself, so a secret
 * cannot leak through a log line, an exception or a {@code show} rendering of a record that holds it.
 */
public final class Secret {
    public static final String REDACTED = "********";
    public static final Secret EMPTY = new Secret(new byte[0]);

    private final byte[] bytes;

    private Secret(final byte[] bytes) {
        this.bytes = bytes;
    }

    public static Secret of(final byte[] bytes) {
        return bytes.length == 0 ? EMPTY : new Secret(bytes.clone());
    }

    /** A copy, so a caller that wipes or mutates it cannot change the config. */
    public byte[] bytes() {
        return bytes.clone();
    }

    public int length() {
        return bytes.length;
    }

    @Override
    public boolean equals(final Object o) {
        // Constant time, so comparing configs does not become a timing oracle for the key.
        return o instanceof Secret other && MessageDigest.isEqual(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        // The length only: a content hash would leak information about the key.
        return bytes.length;
    }

    @Override
    public String toString() {
        return REDACTED;
    }
}
