package io.xgate.dataplane.packet;

import java.lang.foreign.MemorySegment;

/** Flyweight over an ICMP (RFC 792) or ICMPv6 (RFC 4443) message header; echo fields for the monitor. */
public final class IcmpMessage {
    public static final int HEADER = 8;
    public static final int ECHO_REQUEST_V4 = 8;
    public static final int ECHO_REPLY_V4 = 0;
    public static final int TIME_EXCEEDED_V4 = 11;
    public static final int ECHO_REQUEST_V6 = 128;
    public static final int ECHO_REPLY_V6 = 129;
    public static final int TIME_EXCEEDED_V6 = 3;

    private MemorySegment segment;
    private long offset;

    public boolean wrap(final MemorySegment segment, final long offset, final long limit) {
        this.segment = segment;
        this.offset = offset;
        return limit - offset >= HEADER;
    }

    public int type() {
        return Wire.u8(segment, offset);
    }

    public int code() {
        return Wire.u8(segment, offset + 1);
    }

    public int checksum() {
        return Wire.u16(segment, offset + 2);
    }

    public int identifier() {
        return Wire.u16(segment, offset + 4);
    }

    public int sequence() {
        return Wire.u16(segment, offset + 6);
    }

    /** Changes the type (echo request to reply), keeping the checksum right incrementally (RFC 1624). */
    public void type(final int type) {
        final int oldWord = Wire.u16(segment, offset);
        Wire.u8(segment, offset, type);
        Wire.u16(segment, offset + 2, Checksum.update(checksum(), oldWord, Wire.u16(segment, offset)));
    }

    /** Writes an echo header (code 0) with a zero checksum, for the caller to fill in. */
    public static void writeEcho(final MemorySegment s, final long off, final int type, final int identifier,
                                 final int sequence) {
        Wire.u16(s, off, type << 8);
        Wire.u16(s, off + 2, 0);
        Wire.u16(s, off + 4, identifier);
        Wire.u16(s, off + 6, sequence);
    }
}
