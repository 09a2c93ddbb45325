package io.xgate.controlplane.ike.payload;

import io.xgate.controlplane.ike.wire.Bytes;
import io.xgate.controlplane.ike.wire.WireReader;
import io.xgate.controlplane.ike.wire.WireWriter;

/** Vendor ID (RFC 7296 §3.12): opaque, usually a hash naming the implementation. */
public record VendorIdPayload(Bytes vendorId) implements IkePayload {

    public static VendorIdPayload decode(final WireReader body) {
        return new VendorIdPayload(body.rest());
    }

    @Override
    public PayloadType type() {
        return PayloadType.VENDOR_ID;
    }

    @Override
    public void encodeBody(final WireWriter out) {
        out.bytes(vendorId);
    }
}
