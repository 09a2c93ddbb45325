package io.xgate.controlplane.ike.payload;

import io.xgate.controlplane.ike.wire.Bytes;
import io.xgate.controlplane.ike.wire.MalformedException;
import io.xgate.controlplane.ike.wire.WireReader;
import io.xgate.controlplane.ike.wire.WireWriter;

/** Certificate (RFC 7296 §3.6): an encoding number and the certificate (DER for {@link #X509_SIGNATURE}). */
public record CertPayload(int encoding, Bytes data) implements IkePayload {
    /** RFC 7296 §3.6 certificate encodings; CERTREQ uses the same numbers. */
    public static final int X509_SIGNATURE = 4;
    public static final int CRL = 7;
    public static final int HASH_AND_URL_X509 = 12;
    public static final int RAW_PUBLIC_KEY = 15;

    public static CertPayload decode(final WireReader body) throws MalformedException {
        return new CertPayload(body.u8("CERT encoding"), body.rest());
    }

    @Override
    public PayloadType type() {
        return PayloadType.CERT;
    }

    @Override
    public void encodeBody(final WireWriter out) {
        out.u8(encoding).bytes(data);
    }
}
