package io.xgate.controlplane.ike.payload;

import io.xgate.controlplane.ike.wire.Bytes;
import io.xgate.controlplane.ike.wire.MalformedException;
import io.xgate.controlplane.ike.wire.WireReader;
import io.xgate.controlplane.ike.wire.WireWriter;

/** Authentication (RFC 7296 §3.8): the method and the MIC or signature over the signed octets. */
public record AuthPayload(int method, Bytes data) implements IkePayload {
    /** RFC 7296 §3.8. */
    public static final int RSA_DIGITAL_SIGNATURE = 1;
    public static final int SHARED_KEY_MIC = 2;
    public static final int DSS_DIGITAL_SIGNATURE = 3;
    /** RFC 4754: r || s over a fixed hash; decoded but not produced (RFC 7427 supersedes it). */
    public static final int ECDSA_SHA256_P256 = 9;
    public static final int ECDSA_SHA384_P384 = 10;
    public static final int ECDSA_SHA512_P521 = 11;
    /** RFC 7427: the data starts with the signature algorithm's AlgorithmIdentifier. */
    public static final int DIGITAL_SIGNATURE = 14;

    public static AuthPayload decode(final WireReader body) throws MalformedException {
        final int method = body.u8("AUTH method");
        body.skip(3, "AUTH reserved");
        return new AuthPayload(method, body.rest());
    }

    @Override
    public PayloadType type() {
        return PayloadType.AUTH;
    }

    @Override
    public void encodeBody(final WireWriter out) {
        out.u8(method).zeros(3).bytes(data);
    }
}
