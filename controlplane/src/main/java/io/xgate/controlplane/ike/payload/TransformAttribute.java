package io.xgate.controlplane.ike.payload;

import io.xgate.controlplane.ike.wire.Bytes;
import io.xgate.controlplane.ike.wire.MalformedException;
import io.xgate.controlplane.ike.wire.WireReader;
import io.xgate.controlplane.ike.wire.WireWriter;

/**
 * A transform attribute (RFC 7296 §3.3.5): type/value (TV, 2-byte value, AF bit set) or
 * type/length/value. Only Key Length (14, TV) is defined for IKEv2; others are kept so that a proposal
 * carrying them can be recognised as unacceptable (§3.3.6) and still re-encoded exactly.
 */
public record TransformAttribute(int attributeType, boolean shortForm, Bytes value) {
    public static final int KEY_LENGTH = 14;
    private static final int AF_BIT = 0x8000;

    public TransformAttribute {
        if (attributeType < 0 || attributeType > 0x7FFF || (shortForm && value.length() != 2)) {
            throw new IllegalArgumentException("bad transform attribute " + attributeType);
        }
    }

    public static TransformAttribute keyLength(final int bits) {
        return new TransformAttribute(KEY_LENGTH, true, Bytes.of((byte) (bits >>> 8), (byte) bits));
    }

    /** The TV value as a number (meaningful for short-form attributes). */
    public int shortValue() {
        final byte[] bytes = value.toArray();
        return bytes.length == 2 ? ((bytes[0] & 0xFF) << 8) | (bytes[1] & 0xFF) : -1;
    }

    static TransformAttribute decode(final WireReader in) throws MalformedException {
        final int typeField = in.u16("attribute type");
        final boolean shortForm = (typeField & AF_BIT) != 0;
        final Bytes value = shortForm ? in.bytes(2, "attribute value")
            : in.bytes(in.u16("attribute length"), "attribute value");
        return new TransformAttribute(typeField & ~AF_BIT, shortForm, value);
    }

    void encode(final WireWriter out) {
        out.u16(attributeType | (shortForm ? AF_BIT : 0));
        if (!shortForm) {
            out.u16(value.length());
        }
        out.bytes(value);
    }
}
