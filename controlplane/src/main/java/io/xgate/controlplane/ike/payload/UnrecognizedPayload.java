package io.xgate.controlplane.ike.payload;

import io.xgate.controlplane.ike.wire.Bytes;
import io.xgate.controlplane.ike.wire.WireWriter;

/**
 * A payload type this codec does not model (CP, EAP, or unassigned), without the critical bit. RFC 7296
 * §2.5 says to skip it; it is kept as opaque bytes so encode stays exact, and the exchanges ignore it.
 */
public record UnrecognizedPayload(PayloadType type, boolean critical, Bytes body) implements IkePayload {

    @Override
    public void encodeBody(final WireWriter out) {
        out.bytes(body);
    }
}
