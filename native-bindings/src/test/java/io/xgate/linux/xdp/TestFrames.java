package io.xgate.linux.xdp;

import io.xgate.linux.sys.VethLab;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;

/** Builds the exact frames the namespace tests inject, so what arrives can be compared byte for byte. */
final class TestFrames {
    static final int ETHERTYPE_IPV4 = 0x0800;
    static final int ETHERTYPE_IPV6 = 0x86dd;
    static final int ETHERTYPE_LOCAL_EXPERIMENT = 0x88b5;
    static final int PROTO_UDP = 17;
    static final int PROTO_ESP = 50;
    static final int PROTO_AH = 51;
    static final int IPV6_FRAGMENT = 44;

    private TestFrames() {
    }

    static byte[] ethernet(String dstMac, String srcMac, int etherType, byte[] payload) {
        return ByteBuffer.allocate(14 + payload.length).put(VethLab.macBytes(dstMac)).put(VethLab.macBytes(srcMac))
                .putShort((short) etherType).put(payload).array();
    }

    static byte[] ipv4(String src, String dst, int protocol, byte[] payload) {
        ByteBuffer header = ByteBuffer.allocate(20)
                .put((byte) 0x45).put((byte) 0).putShort((short) (20 + payload.length))
                .putShort((short) 0x1234).putShort((short) 0x4000)          // id, DF
                .put((byte) 64).put((byte) protocol).putShort((short) 0)
                .put(address(src)).put(address(dst));
        header.putShort(10, checksum(header.array()));
        return ByteBuffer.allocate(20 + payload.length).put(header.array()).put(payload).array();
    }

    static byte[] ipv6(String src, String dst, int nextHeader, byte[] payload) {
        return ByteBuffer.allocate(40 + payload.length)
                .putInt(0x60000000).putShort((short) payload.length).put((byte) nextHeader).put((byte) 64)
                .put(address(src)).put(address(dst)).put(payload).array();
    }

    /** An IPv6 fragment header carrying the first fragment (offset 0, more fragments) of {@code payload}. */
    static byte[] ipv6FirstFragment(int nextHeader, byte[] payload) {
        return ByteBuffer.allocate(8 + payload.length).put((byte) nextHeader).put((byte) 0).putShort((short) 1)
                .putInt(0x0badcafe).put(payload).array();
    }

    /** UDP with a zero checksum (allowed over IPv4; the XDP program does not check it anyway). */
    static byte[] udp(int srcPort, int dstPort, byte[] payload) {
        return ByteBuffer.allocate(8 + payload.length).putShort((short) srcPort).putShort((short) dstPort)
                .putShort((short) (8 + payload.length)).putShort((short) 0).put(payload).array();
    }

    /** SPI, sequence number and a recognisable body standing in for IV, ciphertext and ICV. */
    static byte[] esp(int spi, int sequence) {
        ByteBuffer esp = ByteBuffer.allocate(8 + 40).putInt(spi).putInt(sequence);
        for (int i = 0; i < 40; i++) {
            esp.put((byte) (spi + i));
        }
        return esp.array();
    }

    private static byte[] address(String literal) {
        try {
            return InetAddress.getByName(literal).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }

    private static short checksum(byte[] header) {
        int sum = 0;
        for (int i = 0; i < header.length; i += 2) {
            sum += ((header[i] & 0xff) << 8) | (header[i + 1] & 0xff);
        }
        while ((sum >>> 16) != 0) {
            sum = (sum & 0xffff) + (sum >>> 16);
        }
        return (short) ~sum;
    }
}
