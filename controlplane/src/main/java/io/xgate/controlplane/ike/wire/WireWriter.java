package io.xgate.controlplane.ike.wire;

import java.util.Arrays;

/** Appends big-endian fields to a growing array; length fields are written as placeholders and patched. */
public final class WireWriter {
    private byte[] data = new byte[256];
    private int size;

    private void ensure(final int more) {
        if (size + more > data.length) {
            data = Arrays.copyOf(data, Math.max(data.length * 2, size + more));
        }
    }

    public int size() {
        return size;
    }

    public WireWriter u8(final int value) {
        ensure(1);
        data[size++] = (byte) value;
        return this;
    }

    public WireWriter u16(final int value) {
        ensure(2);
        data[size++] = (byte) (value >>> 8);
        data[size++] = (byte) value;
        return this;
    }

    public WireWriter u32(final long value) {
        ensure(4);
        for (int shift = 24; shift >= 0; shift -= 8) {
            data[size++] = (byte) (value >>> shift);
        }
        return this;
    }

    public WireWriter u64(final long value) {
        ensure(8);
        for (int shift = 56; shift >= 0; shift -= 8) {
            data[size++] = (byte) (value >>> shift);
        }
        return this;
    }

    public WireWriter zeros(final int count) {
        ensure(count);
        size += count;
        return this;
    }

    public WireWriter bytes(final Bytes value) {
        value.writeTo(this);
        return this;
    }

    public WireWriter rawBytes(final byte[] value) {
        ensure(value.length);
        System.arraycopy(value, 0, data, size, value.length);
        size += value.length;
        return this;
    }

    /** Overwrites two bytes written earlier (a length that is known only once the body is written). */
    public void patchU16(final int at, final int value) {
        if (value > 0xFFFF) {
            throw new IllegalArgumentException("length " + value + " does not fit 16 bits");
        }
        data[at] = (byte) (value >>> 8);
        data[at + 1] = (byte) value;
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(data, size);
    }
}
