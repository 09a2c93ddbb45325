package io.xgate.linux.netlink;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_SHORT_UNALIGNED;

import java.lang.foreign.MemorySegment;

/**
 * Reads a run of rtattr TLVs ({@code u16 len; u16 type; value}), stopping at the first malformed one
 * rather than reading past it, and ignoring types it is not asked about (newer kernels add attributes).
 * Reads are unaligned so the same code parses bytes captured into heap arrays.
 */
final class RtAttributes {
    // The top bits of rta_type are NLA_F_NESTED / NLA_F_NET_BYTEORDER, not part of the type.
    private static final int TYPE_MASK = 0x3fff;

    private final MemorySegment run;

    RtAttributes(MemorySegment run) {
        this.run = run;
    }

    /** The value of the first attribute of {@code type}, or {@code null} when absent. */
    MemorySegment find(int type) {
        long offset = 0;
        while (offset + NetlinkMessageBuilder.ATTRIBUTE_HEADER_SIZE <= run.byteSize()) {
            int length = Short.toUnsignedInt(run.get(JAVA_SHORT_UNALIGNED, offset));
            if (length < NetlinkMessageBuilder.ATTRIBUTE_HEADER_SIZE || offset + length > run.byteSize()) {
                return null;
            }
            if ((run.get(JAVA_SHORT_UNALIGNED, offset + 2) & TYPE_MASK) == type) {
                return run.asSlice(offset + NetlinkMessageBuilder.ATTRIBUTE_HEADER_SIZE,
                        length - NetlinkMessageBuilder.ATTRIBUTE_HEADER_SIZE);
            }
            offset += NetlinkMessageBuilder.align(length);
        }
        return null;
    }

    byte[] bytes(int type) {
        MemorySegment value = find(type);
        return value == null ? null : value.toArray(JAVA_BYTE);
    }
}
