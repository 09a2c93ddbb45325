package io.xgate.controlplane.ike.payload;

import io.xgate.controlplane.ike.wire.Bytes;
import io.xgate.controlplane.ike.wire.MalformedException;
import io.xgate.controlplane.ike.wire.WireReader;
import io.xgate.controlplane.ike.wire.WireWriter;

import java.util.ArrayList;
import java.util.List;

/**
 * Certificate Request (RFC 7296 §3.7): an encoding ({@link CertPayload#X509_SIGNATURE}) and the
 * concatenated SHA-1 hashes of the trusted CAs' public keys.
 */
public record CertReqPayload(int encoding, Bytes authorities) implements IkePayload {
    private static final int SHA1_LENGTH = 20;

    public static CertReqPayload decode(final WireReader body) throws MalformedException {
        return new CertReqPayload(body.u8("CERTREQ encoding"), body.rest());
    }

    /** The CA key hashes, or empty when the field is not a whole number of SHA-1 hashes. */
    public List<Bytes> authorityHashes() {
        final List<Bytes> hashes = new ArrayList<>();
        if (authorities.length() % SHA1_LENGTH != 0) {
            return hashes;
        }
        for (int at = 0; at < authorities.length(); at += SHA1_LENGTH) {
            hashes.add(authorities.slice(at, SHA1_LENGTH));
        }
        return hashes;
    }

    @Override
    public PayloadType type() {
        return PayloadType.CERTREQ;
    }

    @Override
    public void encodeBody(final WireWriter out) {
        out.u8(encoding).bytes(authorities);
    }
}
