package io.xgate.dataplane.esp;

import io.xgate.dataplane.packet.Checksum;
import io.xgate.dataplane.packet.IpProtocol;
import io.xgate.dataplane.packet.Ipv4Packet;
import io.xgate.dataplane.packet.Ipv6Packet;
import io.xgate.dataplane.packet.Wire;
import io.xgate.dataplane.sa.OutboundSa;
import java.lang.foreign.MemorySegment;

/** Writes the outer IP (and, for ESP in UDP, UDP) header of a tunnel-mode packet. */
final class OuterHeader {
    static final int TTL = 64;
    static final int UDP_LENGTH = 8;

    private OuterHeader() {
    }

    static int ipLength(final OutboundSa sa) {
        return sa.local().isV4() ? Ipv4Packet.MIN_HEADER : Ipv6Packet.HEADER;
    }

    /**
     * @param off        where the outer IP header starts
     * @param total      outer packet length, IP header included
     * @param protocol   ESP, AH or UDP (ESP in UDP)
     * @param dontFragment DF for an IPv4 outer header
     * @param id         IPv4 identification (ignored for IPv6)
     */
    static void writeIp(final MemorySegment m, final long off, final OutboundSa sa, final int tos, final int flowLabel,
                        final int total, final int protocol, final boolean dontFragment, final int ttl, final int id) {
        if (sa.local().isV4()) {
            Ipv4Packet.write(m, off, tos, total, id, dontFragment ? Ipv4Packet.FLAG_DF : 0, ttl, protocol,
                    sa.local().v4(), sa.peer().v4());
        } else {
            Ipv6Packet.write(m, off, tos, flowLabel, total - Ipv6Packet.HEADER, protocol, ttl,
                    sa.local().high(), sa.local().low(), sa.peer().high(), sa.peer().low());
        }
    }

    /**
     * UDP header for ESP in UDP (RFC 3948). IPv4 sends checksum 0 as §2.1 allows; IPv6 needs a real one
     * (RFC 8200 §8.1).
     */
    static void writeUdp(final MemorySegment m, final long ipOff, final long udpOff, final OutboundSa sa,
                         final int udpLength) {
        Wire.u16(m, udpOff, sa.udpSourcePort());
        Wire.u16(m, udpOff + 2, sa.udpDestinationPort());
        Wire.u16(m, udpOff + 4, udpLength);
        Wire.u16(m, udpOff + 6, 0);
        if (!sa.local().isV4()) {
            long sum = Checksum.sum(m, ipOff + 8, 32, 0);
            sum += udpLength + IpProtocol.UDP;
            sum = Checksum.sum(m, udpOff, udpLength, sum);
            final int c = Checksum.finish(sum);
            Wire.u16(m, udpOff + 6, c == 0 ? 0xFFFF : c);
        }
    }
}
