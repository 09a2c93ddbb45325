package io.xgate.dataplane.esp;

import io.xgate.dataplane.packet.IpAddress;
import io.xgate.dataplane.packet.Wire;
import java.lang.foreign.MemorySegment;

/** The few facts about the packet entering a tunnel that the outer header inherits. */
final class InnerPacket {

    private InnerPacket() {
    }

    static int family(final MemorySegment m, final long ip) {
        return Wire.u8(m, ip) >>> 4;
    }

    static int tos(final MemorySegment m, final long ip, final int family) {
        return family == IpAddress.V4 ? Wire.u8(m, ip + 1) : (Wire.u16(m, ip) >>> 4) & 0xFF;
    }

    static int flowLabel(final MemorySegment m, final long ip, final int family) {
        return family == IpAddress.V4 ? 0 : Wire.u32(m, ip) & 0xFFFFF;
    }

    /** IPv4 inner packets pass their DF bit on (RFC 4301 §8.1 "copy"); IPv6 ones are never fragmented en route. */
    static boolean dontFragment(final MemorySegment m, final long ip, final int family) {
        return family != IpAddress.V4 || (Wire.u16(m, ip + 6) & 0x4000) != 0;
    }

    static int nextHeader(final int family) {
        return family == IpAddress.V4 ? io.xgate.dataplane.packet.IpProtocol.IPV4
                : io.xgate.dataplane.packet.IpProtocol.IPV6;
    }
}
