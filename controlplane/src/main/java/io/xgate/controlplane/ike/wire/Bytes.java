package io.xgate.controlplane.ike.wire;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * An immutable octet string with value equality, so payload records compare by content and a decoded
 * message equals the one that was encoded. For public wire data only (nonces, KE values, SPIs): keys
 * are held by {@code ike.crypto.KeyMaterial}, which never prints itself.
 */
public final class Bytes {
    public static final Bytes EMPTY = new Bytes(new byte[0]);

    private final byte[] value;

    private Bytes(final byte[] value) {
        this.value = value;
    }

    public static Bytes of(final byte... value) {
        return value.length == 0 ? EMPTY : new Bytes(value.clone());
    }

    public static Bytes of(final byte[] source, final int offset, final int length) {
        return length == 0 ? EMPTY : new Bytes(Arrays.copyOfRange(source, offset, offset + length));
    }

    public static Bytes fromHex(final String hex) {
        return of(HexFormat.of().parseHex(hex));
    }

    public static Bytes concat(final Bytes... parts) {
        int length = 0;
        for (final Bytes part : parts) {
            length += part.value.length;
        }
        final byte[] out = new byte[length];
        int at = 0;
        for (final Bytes part : parts) {
            System.arraycopy(part.value, 0, out, at, part.value.length);
            at += part.value.length;
        }
        return new Bytes(out);
    }

    public int length() {
        return value.length;
    }

    public boolean isEmpty() {
        return value.length == 0;
    }

    /** A copy: callers may modify it. */
    public byte[] toArray() {
        return value.clone();
    }

    public Bytes slice(final int offset, final int length) {
        return of(value, offset, length);
    }

    /** Appends to a writer without an intermediate copy. */
    void writeTo(final WireWriter out) {
        out.rawBytes(value);
    }

    public String toHex() {
        return HexFormat.of().formatHex(value);
    }

    @Override
    public boolean equals(final Object o) {
        return o instanceof Bytes other && Arrays.equals(value, other.value);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return value.length <= 64 ? toHex() : toHex().substring(0, 128) + "...(" + value.length + " bytes)";
    }
}
