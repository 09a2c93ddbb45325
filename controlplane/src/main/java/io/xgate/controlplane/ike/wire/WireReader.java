package io.xgate.controlplane.ike.wire;

/**
 * Reads big-endian fields from a window of a byte array. Every read checks the window first, so a length
 * field that points past the end becomes a {@link MalformedException}, never an index exception, and no
 * read allocates more than the bytes actually present.
 */
public final class WireReader {
    private final byte[] data;
    private final int end;
    private int position;

    private WireReader(final byte[] data, final int offset, final int end) {
        this.data = data;
        this.position = offset;
        this.end = end;
    }

    public static WireReader of(final byte[] data) {
        return new WireReader(data, 0, data.length);
    }

    public int remaining() {
        return end - position;
    }

    public boolean hasRemaining() {
        return position < end;
    }

    private void need(final int count, final String what) throws MalformedException {
        if (count < 0 || count > end - position) {
            throw new MalformedException(what + ": needs " + count + " bytes, " + (end - position) + " left");
        }
    }

    public int u8(final String what) throws MalformedException {
        need(1, what);
        return data[position++] & 0xFF;
    }

    public int u16(final String what) throws MalformedException {
        need(2, what);
        final int value = ((data[position] & 0xFF) << 8) | (data[position + 1] & 0xFF);
        position += 2;
        return value;
    }

    public long u32(final String what) throws MalformedException {
        need(4, what);
        long value = 0;
        for (int i = 0; i < 4; i++) {
            value = (value << 8) | (data[position++] & 0xFF);
        }
        return value;
    }

    public long u64(final String what) throws MalformedException {
        need(8, what);
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value = (value << 8) | (data[position++] & 0xFF);
        }
        return value;
    }

    public Bytes bytes(final int count, final String what) throws MalformedException {
        need(count, what);
        final Bytes value = Bytes.of(data, position, count);
        position += count;
        return value;
    }

    public Bytes rest() {
        final Bytes value = Bytes.of(data, position, end - position);
        position = end;
        return value;
    }

    /** A reader over the next {@code count} bytes; this reader moves past them. */
    public WireReader window(final int count, final String what) throws MalformedException {
        need(count, what);
        final WireReader window = new WireReader(data, position, position + count);
        position += count;
        return window;
    }

    /** Reserved fields are sent as zero and ignored on receipt (RFC 7296 §3). */
    public void skip(final int count, final String what) throws MalformedException {
        need(count, what);
        position += count;
    }

    public void requireEnd(final String what) throws MalformedException {
        if (position != end) {
            throw new MalformedException(what + ": " + (end - position) + " trailing bytes");
        }
    }
}
