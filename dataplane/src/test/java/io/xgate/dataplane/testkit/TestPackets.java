package io.xgate.dataplane.testkit;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.nio.ByteBuffer;

/**
 * Builds small, valid inner IP packets (checksums included) for tests that feed a tunnel, independently of
 * the data plane's own flyweights.
 */
public final class TestPackets {
    private static final int IPV4_HEADER = 20;
    private static final int IPV6_HEADER = 40;
    private static final int ICMP_ECHO_HEADER = 8;
    private static final int UDP_HEADER = 8;
    private static final int PROTO_ICMP = 1;
    private static final int PROTO_UDP = 17;
    private static final int PROTO_ICMPV6 = 58;
    private static final int ICMP_ECHO_REQUEST = 8;
    private static final int ICMPV6_ECHO_REQUEST = 128;
    private static final int TTL = 64;

    private TestPackets() {
    }

    /** An IPv4 ICMP echo request; {@code tos} is the whole DS field (DSCP << 2 | ECN). */
    public static byte[] icmpEchoV4(final Inet4Address src, final Inet4Address dst, final int tos,
                                    final int id, final int seq, final byte[] payload) {
        final ByteBuffer packet = ipv4Header(src, dst, tos, PROTO_ICMP, ICMP_ECHO_HEADER + payload.length);
        final int icmp = packet.position();
        packet.put((byte) ICMP_ECHO_REQUEST).put((byte) 0).putShort((short) 0)
            .putShort((short) id).putShort((short) seq).put(payload);
        packet.putShort(icmp + 2, (short) checksum(packet.array(), icmp, packet.capacity() - icmp, 0));
        return packet.array();
    }

    /** An IPv4 UDP datagram; {@code tos} is the whole DS field. */
    public static byte[] udpV4(final Inet4Address src, final Inet4Address dst, final int tos,
                               final int srcPort, final int dstPort, final byte[] payload) {
        final int udpLength = UDP_HEADER + payload.length;
        final ByteBuffer packet = ipv4Header(src, dst, tos, PROTO_UDP, udpLength);
        final int udp = packet.position();
        packet.putShort((short) srcPort).putShort((short) dstPort).putShort((short) udpLength).putShort((short) 0)
            .put(payload);
        final int pseudo = sum(src.getAddress()) + sum(dst.getAddress()) + PROTO_UDP + udpLength;
        final int sum = checksum(packet.array(), udp, udpLength, pseudo);
        packet.putShort(udp + 6, (short) (sum == 0 ? 0xffff : sum)); // 0 means "no checksum" in UDP over IPv4
        return packet.array();
    }

    /** An ICMPv6 echo request; {@code trafficClass} is DSCP << 2 | ECN. */
    public static byte[] icmpEchoV6(final Inet6Address src, final Inet6Address dst, final int trafficClass,
                                    final int id, final int seq, final byte[] payload) {
        final int icmpLength = ICMP_ECHO_HEADER + payload.length;
        final ByteBuffer packet = ByteBuffer.allocate(IPV6_HEADER + icmpLength);
        packet.putInt(6 << 28 | (trafficClass & 0xff) << 20).putShort((short) icmpLength)
            .put((byte) PROTO_ICMPV6).put((byte) TTL).put(src.getAddress()).put(dst.getAddress());
        final int icmp = packet.position();
        packet.put((byte) ICMPV6_ECHO_REQUEST).put((byte) 0).putShort((short) 0)
            .putShort((short) id).putShort((short) seq).put(payload);
        final int pseudo = sum(src.getAddress()) + sum(dst.getAddress()) + icmpLength + PROTO_ICMPV6;
        packet.putShort(icmp + 2, (short) checksum(packet.array(), icmp, icmpLength, pseudo));
        return packet.array();
    }

    /** A 20-byte header (DF set) with the buffer positioned after it. */
    private static ByteBuffer ipv4Header(final Inet4Address src, final Inet4Address dst, final int tos,
                                         final int protocol, final int payloadLength) {
        final ByteBuffer packet = ByteBuffer.allocate(IPV4_HEADER + payloadLength);
        packet.put((byte) 0x45).put((byte) tos).putShort((short) packet.capacity())
            .putShort((short) 0).putShort((short) 0x4000)
            .put((byte) TTL).put((byte) protocol).putShort((short) 0)
            .put(src.getAddress()).put(dst.getAddress());
        packet.putShort(10, (short) checksum(packet.array(), 0, IPV4_HEADER, 0));
        return packet;
    }

    /** RFC 1071 Internet checksum of the range, starting from a (pseudo-header) partial sum. */
    static int checksum(final byte[] data, final int offset, final int length, final int initial) {
        long sum = initial;
        for (int i = 0; i < length; i += 2) {
            final int high = data[offset + i] & 0xff;
            final int low = i + 1 < length ? data[offset + i + 1] & 0xff : 0;
            sum += high << 8 | low;
        }
        while (sum >>> 16 != 0) {
            sum = (sum & 0xffff) + (sum >>> 16);
        }
        return (int) ~sum & 0xffff;
    }

    private static int sum(final byte[] address) {
        int sum = 0;
        for (int i = 0; i < address.length; i += 2) {
            sum += (address[i] & 0xff) << 8 | address[i + 1] & 0xff;
        }
        return sum;
    }
}
