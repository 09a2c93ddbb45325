package io.xgate.controlplane.ike.payload;

import io.xgate.controlplane.ike.wire.Bytes;
import io.xgate.controlplane.ike.wire.MalformedException;
import io.xgate.controlplane.ike.wire.WireReader;
import io.xgate.controlplane.ike.wire.WireWriter;

/**
 * Identification, IDi or IDr (RFC 7296 §3.5). {@link #restOfPayload()} is what the AUTH computation MACs
 * (§2.15: "RestOfInitIDPayload"), i.e. the body after the generic header.
 */
public record IdPayload(Role role, int idType, Bytes data) implements IkePayload {
    /** RFC 7296 §3.5 ID types. */
    public static final int ID_IPV4_ADDR = 1;
    public static final int ID_FQDN = 2;
    public static final int ID_RFC822_ADDR = 3;
    public static final int ID_IPV6_ADDR = 5;
    public static final int ID_DER_ASN1_DN = 9;
    public static final int ID_DER_ASN1_GN = 10;
    public static final int ID_KEY_ID = 11;

    public static IdPayload decode(final Role role, final WireReader body) throws MalformedException {
        final int type = body.u8("ID type");
        body.skip(3, "ID reserved");
        final Bytes data = body.rest();
        final int expected = type == ID_IPV4_ADDR ? 4 : type == ID_IPV6_ADDR ? 16 : -1;
        if (expected >= 0 && data.length() != expected) {
            throw new MalformedException("ID of type " + type + " with " + data.length() + " address bytes");
        }
        return new IdPayload(role, type, data);
    }

    public Bytes restOfPayload() {
        final WireWriter out = new WireWriter();
        encodeBody(out);
        return Bytes.of(out.toByteArray());
    }

    @Override
    public PayloadType type() {
        return role == Role.INITIATOR ? PayloadType.IDI : PayloadType.IDR;
    }

    @Override
    public void encodeBody(final WireWriter out) {
        out.u8(idType).zeros(3).bytes(data);
    }
}
