package io.xgate.controlplane.ike.payload;

import io.xgate.controlplane.ike.wire.Bytes;
import io.xgate.controlplane.ike.wire.MalformedException;
import io.xgate.controlplane.ike.wire.WireReader;
import io.xgate.controlplane.ike.wire.WireWriter;

/** Ni/Nr (RFC 7296 §3.9): 16 to 256 random octets. */
public record NoncePayload(Bytes nonce) implements IkePayload {
    public static final int MIN_LENGTH = 16;
    public static final int MAX_LENGTH = 256;

    public static NoncePayload decode(final WireReader body) throws MalformedException {
        final Bytes nonce = body.rest();
        if (nonce.length() < MIN_LENGTH || nonce.length() > MAX_LENGTH) {
            throw new MalformedException("nonce of " + nonce.length() + " bytes, not 16..256");
        }
        return new NoncePayload(nonce);
    }

    @Override
    public PayloadType type() {
        return PayloadType.NONCE;
    }

    @Override
    public void encodeBody(final WireWriter out) {
        out.bytes(nonce);
    }
}
