package io.xgate.dataplane.lab;

import io.xgate.dataplane.packet.Checksum;
import io.xgate.dataplane.packet.EthernetFrame;
import io.xgate.dataplane.packet.IcmpMessage;
import io.xgate.dataplane.packet.IpAddress;
import io.xgate.dataplane.packet.IpProtocol;
import io.xgate.dataplane.packet.Ipv4Packet;
import io.xgate.dataplane.packet.Ipv6Packet;
import io.xgate.dataplane.packet.Wire;
import java.lang.foreign.MemorySegment;

/** Builds test traffic: Ethernet frames carrying ICMP echo requests or UDP datagrams over IPv4 or IPv6. */
public final class FrameBuilder {
    private FrameBuilder() {
    }

    /** An ICMP (v4) or ICMPv6 echo request with {@code payloadLength} bytes of data. */
    public static byte[] echo(final long srcMac, final long dstMac, final String src, final String dst, final int tos,
                              final int ttl, final int id, final int payloadLength) {
        final IpAddress s = IpAddress.parse(src);
        final int protocol = s.isV4() ? IpProtocol.ICMP : IpProtocol.ICMPV6;
        final byte[] upper = new byte[8 + payloadLength];
        final MemorySegment u = MemorySegment.ofArray(upper);
        Wire.u8(u, 0, s.isV4() ? IcmpMessage.ECHO_REQUEST_V4 : IcmpMessage.ECHO_REQUEST_V6);
        Wire.u16(u, 4, id);
        Wire.u16(u, 6, 1);
        for (int i = 0; i < payloadLength; i++) {
            Wire.u8(u, 8 + i, i);
        }
        return frame(srcMac, dstMac, s, IpAddress.parse(dst), tos, ttl, protocol, upper);
    }

    public static byte[] udp(final long srcMac, final long dstMac, final String src, final String dst,
                             final int srcPort, final int dstPort, final int payloadLength) {
        final byte[] upper = new byte[8 + payloadLength];
        final MemorySegment u = MemorySegment.ofArray(upper);
        Wire.u16(u, 0, srcPort);
        Wire.u16(u, 2, dstPort);
        Wire.u16(u, 4, upper.length);
        for (int i = 0; i < payloadLength; i++) {
            Wire.u8(u, 8 + i, i * 7);
        }
        return frame(srcMac, dstMac, IpAddress.parse(src), IpAddress.parse(dst), 0, 64, IpProtocol.UDP, upper);
    }

    /** Wraps an upper-layer message; fills in the ICMP/ICMPv6/UDP checksum. */
    public static byte[] frame(final long srcMac, final long dstMac, final IpAddress src, final IpAddress dst,
                               final int tos, final int ttl, final int protocol, final byte[] upper) {
        final boolean v4 = src.isV4();
        final int ipHeader = v4 ? Ipv4Packet.MIN_HEADER : Ipv6Packet.HEADER;
        final byte[] frame = new byte[EthernetFrame.LENGTH + ipHeader + upper.length];
        final MemorySegment f = MemorySegment.ofArray(frame);
        final long ip = EthernetFrame.LENGTH;
        final long l4 = ip + ipHeader;
        EthernetFrame.write(f, 0, dstMac, srcMac, v4 ? EthernetFrame.TYPE_IPV4 : EthernetFrame.TYPE_IPV6);
        MemorySegment.copy(upper, 0, f, java.lang.foreign.ValueLayout.JAVA_BYTE, l4, upper.length);
        if (v4) {
            Ipv4Packet.write(f, ip, tos, ipHeader + upper.length, 0x1234, Ipv4Packet.FLAG_DF, ttl, protocol,
                    src.v4(), dst.v4());
        } else {
            Ipv6Packet.write(f, ip, tos, 0, upper.length, protocol, ttl, src.high(), src.low(), dst.high(),
                    dst.low());
        }
        final int checksumOffset = protocol == IpProtocol.UDP ? 6 : 2;
        long sum = 0;
        if (protocol != IpProtocol.ICMP) {
            sum = v4 ? Checksum.sum(f, ip + 12, 8, 0) : Checksum.sum(f, ip + 8, 32, 0);
            sum += protocol + upper.length;
        }
        final int c = Checksum.finish(Checksum.sum(f, l4, upper.length, sum));
        Wire.u16(f, l4 + checksumOffset, protocol == IpProtocol.UDP && c == 0 ? 0xFFFF : c);
        return frame;
    }
}
