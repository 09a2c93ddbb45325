package io.xgate.controlplane.ike.payload;

import io.xgate.controlplane.ike.wire.Bytes;
import io.xgate.controlplane.ike.wire.MalformedException;
import io.xgate.controlplane.ike.wire.WireReader;
import io.xgate.controlplane.ike.wire.WireWriter;

/** Notify (RFC 7296 §3.10): an error or status, optionally about one SA (protocol + SPI), with data. */
public record NotifyPayload(SecurityProtocol protocol, Bytes spi, NotifyType notifyType, Bytes data)
        implements IkePayload {

    /** A notify about no particular SA, e.g. COOKIE or NAT_DETECTION_SOURCE_IP. */
    public static NotifyPayload of(final NotifyType type, final Bytes data) {
        return new NotifyPayload(SecurityProtocol.NONE, Bytes.EMPTY, type, data);
    }

    public static NotifyPayload decode(final WireReader body) throws MalformedException {
        final SecurityProtocol protocol = new SecurityProtocol(body.u8("N protocol"));
        final int spiSize = body.u8("N SPI size");
        final NotifyType type = new NotifyType(body.u16("N type"));
        final Bytes spi = body.bytes(spiSize, "N SPI");
        return new NotifyPayload(protocol, spi, type, body.rest());
    }

    @Override
    public PayloadType type() {
        return PayloadType.NOTIFY;
    }

    @Override
    public void encodeBody(final WireWriter out) {
        out.u8(protocol.value()).u8(spi.length()).u16(notifyType.value()).bytes(spi).bytes(data);
    }
}
