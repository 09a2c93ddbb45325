package io.xgate.controlplane.ike.payload;

import io.xgate.controlplane.ike.wire.Bytes;
import io.xgate.controlplane.ike.wire.MalformedException;
import io.xgate.controlplane.ike.wire.WireReader;
import io.xgate.controlplane.ike.wire.WireWriter;

/**
 * Key Exchange (RFC 7296 §3.4): the Diffie-Hellman group number and our public value. For ECP groups the
 * value is x || y without a point-format octet (RFC 5903 §7); for Curve25519 the 32-byte u (RFC 8031 §3.1).
 */
public record KePayload(int dhGroup, Bytes keyData) implements IkePayload {

    public static KePayload decode(final WireReader body) throws MalformedException {
        final int group = body.u16("KE group");
        body.skip(2, "KE reserved");
        return new KePayload(group, body.rest());
    }

    @Override
    public PayloadType type() {
        return PayloadType.KE;
    }

    @Override
    public void encodeBody(final WireWriter out) {
        out.u16(dhGroup).u16(0).bytes(keyData);
    }
}
