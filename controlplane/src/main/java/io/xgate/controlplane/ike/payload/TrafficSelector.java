package io.xgate.controlplane.ike.payload;

import io.xgate.controlplane.ike.wire.Bytes;
import io.xgate.controlplane.ike.wire.MalformedException;
import io.xgate.controlplane.ike.wire.WireReader;
import io.xgate.controlplane.ike.wire.WireWriter;

/**
 * One traffic selector (RFC 7296 §3.13.1): an address range, an IP protocol (0 = any) and a port range,
 * inclusive at both ends. Only the two IP range types exist in practice; others are rejected as syntax.
 */
public record TrafficSelector(int tsType, int ipProtocol, int startPort, int endPort, Bytes startAddress,
                              Bytes endAddress) {
    public static final int TS_IPV4_ADDR_RANGE = 7;
    public static final int TS_IPV6_ADDR_RANGE = 8;
    public static final int ANY_PROTOCOL = 0;
    public static final int MAX_PORT = 0xFFFF;

    public TrafficSelector {
        final int length = addressLength(tsType);
        if (length < 0 || startAddress.length() != length || endAddress.length() != length) {
            throw new IllegalArgumentException("TS type " + tsType + " with addresses of "
                + startAddress.length() + "/" + endAddress.length() + " bytes");
        }
        // start > end is legal: 65535..0 is the OPAQUE port selector (RFC 7296 §3.13.1).
        if (ipProtocol < 0 || ipProtocol > 255 || (startPort | endPort) < 0 || Math.max(startPort, endPort) > MAX_PORT) {
            throw new IllegalArgumentException("TS protocol/ports out of range");
        }
    }

    /** Address bytes for the type, or -1 for a type this codec does not model. */
    public static int addressLength(final int tsType) {
        return tsType == TS_IPV4_ADDR_RANGE ? 4 : tsType == TS_IPV6_ADDR_RANGE ? 16 : -1;
    }

    static TrafficSelector decode(final WireReader in) throws MalformedException {
        final int type = in.u8("TS type");
        final int protocol = in.u8("TS protocol");
        final int length = in.u16("TS length");
        final int addressLength = addressLength(type);
        if (addressLength < 0) {
            throw new MalformedException("TS type " + type + " is not an IP address range");
        }
        if (length != 8 + 2 * addressLength) {
            throw new MalformedException("TS length " + length + " for type " + type);
        }
        final int startPort = in.u16("TS start port");
        final int endPort = in.u16("TS end port");
        return new TrafficSelector(type, protocol, startPort, endPort, in.bytes(addressLength, "TS start"),
            in.bytes(addressLength, "TS end"));
    }

    void encode(final WireWriter out) {
        out.u8(tsType).u8(ipProtocol).u16(8 + 2 * startAddress.length()).u16(startPort).u16(endPort)
            .bytes(startAddress).bytes(endAddress);
    }
}
