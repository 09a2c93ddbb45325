package io.xgate.linux.netlink;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * Writes one request: struct nlmsghdr { u32 len; u16 type; u16 flags; u32 seq; u32 pid; }, the family
 * header (ifinfomsg, ndmsg, ...) and rtattr TLVs, each padded to 4 bytes as NLMSG_ALIGN/RTA_ALIGN do.
 */
final class NetlinkMessageBuilder {
    static final int HEADER_SIZE = 16;
    static final int ATTRIBUTE_HEADER_SIZE = 4;
    private static final int CAPACITY = 1024;

    private final MemorySegment buffer;
    private int position;

    NetlinkMessageBuilder(Arena arena, int type, int flags, int sequence) {
        buffer = arena.allocate(CAPACITY, 4);
        buffer.set(JAVA_SHORT, 4, (short) type);
        buffer.set(JAVA_SHORT, 6, (short) flags);
        buffer.set(JAVA_INT, 8, sequence);
        position = HEADER_SIZE;
    }

    /** Reserves a zeroed family header of {@code size} bytes and returns it for the caller to fill. */
    MemorySegment familyHeader(int size) {
        MemorySegment header = buffer.asSlice(position, size);
        position += align(size);
        return header;
    }

    NetlinkMessageBuilder attribute(int type, byte[] value) {
        int length = ATTRIBUTE_HEADER_SIZE + value.length;
        buffer.set(JAVA_SHORT, position, (short) length);
        buffer.set(JAVA_SHORT, position + 2, (short) type);
        MemorySegment.copy(value, 0, buffer, JAVA_BYTE, position + ATTRIBUTE_HEADER_SIZE, value.length);
        position += align(length);
        return this;
    }

    /** The finished message, its length field set. */
    MemorySegment build() {
        buffer.set(JAVA_INT, 0, position);
        return buffer.asSlice(0, position);
    }

    static int align(int length) {
        return (length + 3) & ~3;
    }
}
