package io.xgate.dataplane.esp;

import io.xgate.dataplane.counters.DropReason;
import io.xgate.dataplane.crypto.EspCipher;
import io.xgate.dataplane.crypto.PacketMac;
import io.xgate.dataplane.packet.AhHeader;
import io.xgate.dataplane.packet.GreHeader;
import io.xgate.dataplane.packet.IpAddress;
import io.xgate.dataplane.packet.IpProtocol;
import io.xgate.dataplane.packet.Ipv6Packet;
import io.xgate.dataplane.packet.PacketBuffer;
import io.xgate.dataplane.packet.Wire;
import io.xgate.dataplane.sa.IpsecMode;
import io.xgate.dataplane.sa.IpsecProtocol;
import io.xgate.dataplane.sa.OutboundSa;
import java.lang.foreign.MemorySegment;

/**
 * Outbound IPsec in place: turns the IP packet in a {@link PacketBuffer} into an ESP (RFC 4303) or AH
 * (RFC 4302) packet, tunnel or transport mode, growing into the chunk's headroom and tailroom.
 * On success the buffer describes the outer IP packet; the caller adds the link-layer header.
 * One instance per worker; no allocation.
 */
public final class Encapsulator {
    private static final int ESP_HEADER = 8;
    private static final int AH_FIXED = AhHeader.FIXED;

    /** Returns null on success, else why the packet must be dropped. */
    public DropReason encapsulate(final PacketBuffer pkt, final OutboundSa sa) {
        final long seq = sa.nextSequence();
        if (seq == 0) {
            return DropReason.SEQ_EXHAUSTED;
        }
        if (sa.protocol() == IpsecProtocol.AH) {
            return sa.mode() == IpsecMode.TUNNEL ? ahTunnel(pkt, sa, seq) : DropReason.UNSUPPORTED;
        }
        return sa.mode() == IpsecMode.TUNNEL ? espTunnel(pkt, sa, seq) : espTransport(pkt, sa, seq);
    }

    private static DropReason espTunnel(final PacketBuffer pkt, final OutboundSa sa, final long seq) {
        final MemorySegment m = pkt.memory();
        final long ip = pkt.start();
        final int innerLength = pkt.length();
        final int family = InnerPacket.family(m, ip);
        final EspCipher cipher = sa.cipher();
        final int greLength = sa.gre() ? GreHeader.BASE : 0;
        final int payloadLength = innerLength + greLength;
        final int textLength = align(payloadLength + 2, cipher.blockSize());
        final int udpLength = sa.udpEncapsulated() ? OuterHeader.UDP_LENGTH : 0;
        final long payload = ip - greLength;
        final long esp = payload - ESP_HEADER - cipher.ivLength();
        final long outer = esp - udpLength - OuterHeader.ipLength(sa);
        final long end = payload + textLength + cipher.icvLength();
        if (!pkt.fits(outer - io.xgate.dataplane.packet.EthernetFrame.LENGTH, end)) {
            return DropReason.MTU;
        }
        final int tos = InnerPacket.tos(m, ip, family);
        final int flowLabel = sa.copyFlowLabel() ? InnerPacket.flowLabel(m, ip, family) : 0;
        final boolean df = InnerPacket.dontFragment(m, ip, family);
        if (sa.gre()) {
            GreHeader.write(m, payload, family);
        }
        writeTrailer(m, payload + payloadLength, textLength - payloadLength - 2,
                sa.gre() ? IpProtocol.GRE : InnerPacket.nextHeader(family));
        Wire.u32(m, esp, sa.spi());
        Wire.u32(m, esp + 4, (int) seq);
        cipher.seal(m, esp, textLength, seq);
        final int total = (int) (end - outer);
        if (udpLength != 0) {
            OuterHeader.writeIp(m, outer, sa, Ecn.encapsulate(tos, sa.copyTos()), flowLabel, total,
                    IpProtocol.UDP, df, OuterHeader.TTL, sa.nextIpId());
            OuterHeader.writeUdp(m, outer, esp - udpLength, sa, (int) (end - esp) + udpLength);
        } else {
            OuterHeader.writeIp(m, outer, sa, Ecn.encapsulate(tos, sa.copyTos()), flowLabel, total,
                    IpProtocol.ESP, df, OuterHeader.TTL, sa.nextIpId());
        }
        pkt.set(outer, total);
        return null;
    }

    /**
     * Transport mode (RFC 4303 §3.1.1) for packets the gateway itself exchanges with the peer: the IP header
     * moves forward to make room, the transport payload is encrypted in place. IPv6 extension headers are
     * not supported here (the gateway sends none).
     */
    private static DropReason espTransport(final PacketBuffer pkt, final OutboundSa sa, final long seq) {
        final MemorySegment m = pkt.memory();
        final long ip = pkt.start();
        final int length = pkt.length();
        final int family = InnerPacket.family(m, ip);
        final int headerLength = family == IpAddress.V4 ? (Wire.u8(m, ip) & 0xF) << 2 : Ipv6Packet.HEADER;
        final int protocolOffset = family == IpAddress.V4 ? 9 : 6;
        final int protocol = Wire.u8(m, ip + protocolOffset);
        final EspCipher cipher = sa.cipher();
        final int payloadLength = length - headerLength;
        final int textLength = align(payloadLength + 2, cipher.blockSize());
        final int espHeader = ESP_HEADER + cipher.ivLength();
        final long newIp = ip - espHeader;
        final long payload = ip + headerLength;
        final long end = payload + textLength + cipher.icvLength();
        if (!pkt.fits(newIp - io.xgate.dataplane.packet.EthernetFrame.LENGTH, end)) {
            return DropReason.MTU;
        }
        MemorySegment.copy(m, ip, m, newIp, headerLength);
        final long esp = newIp + headerLength;
        writeTrailer(m, payload + payloadLength, textLength - payloadLength - 2, protocol);
        Wire.u32(m, esp, sa.spi());
        Wire.u32(m, esp + 4, (int) seq);
        cipher.seal(m, esp, textLength, seq);
        final int total = (int) (end - newIp);
        Wire.u8(m, newIp + protocolOffset, IpProtocol.ESP);
        if (family == IpAddress.V4) {
            Wire.u16(m, newIp + 2, total);
            Wire.u16(m, newIp + 10, 0);
            Wire.u16(m, newIp + 10, io.xgate.dataplane.packet.Checksum.compute(m, newIp, headerLength));
        } else {
            Wire.u16(m, newIp + 4, total - Ipv6Packet.HEADER);
        }
        pkt.set(newIp, total);
        return null;
    }

    /**
     * AH tunnel mode: the ICV covers the outer header with its mutable fields zeroed (RFC 4302 §3.3.3.1), so the
     * header is written twice — zeroed for the MAC, then for real.
     */
    private static DropReason ahTunnel(final PacketBuffer pkt, final OutboundSa sa, final long seq) {
        final MemorySegment m = pkt.memory();
        final long ip = pkt.start();
        final int innerLength = pkt.length();
        final int family = InnerPacket.family(m, ip);
        final PacketMac mac = sa.mac();
        final boolean v4 = sa.local().isV4();
        final int ahLength = align(AH_FIXED + mac.icvLength(), v4 ? 4 : 8);
        final int greLength = sa.gre() ? GreHeader.BASE : 0;
        final long payload = ip - greLength;
        final long ah = payload - ahLength;
        final long outer = ah - OuterHeader.ipLength(sa);
        final long end = ip + innerLength;
        if (!pkt.fits(outer - io.xgate.dataplane.packet.EthernetFrame.LENGTH, end)) {
            return DropReason.MTU;
        }
        final int tos = Ecn.encapsulate(InnerPacket.tos(m, ip, family), sa.copyTos());
        final int flowLabel = sa.copyFlowLabel() ? InnerPacket.flowLabel(m, ip, family) : 0;
        final boolean df = InnerPacket.dontFragment(m, ip, family);
        if (sa.gre()) {
            GreHeader.write(m, payload, family);
        }
        Wire.u8(m, ah, sa.gre() ? IpProtocol.GRE : InnerPacket.nextHeader(family));
        Wire.u8(m, ah + 1, (ahLength >>> 2) - 2);
        Wire.u16(m, ah + 2, 0);
        Wire.u32(m, ah + 4, sa.spi());
        Wire.u32(m, ah + 8, (int) seq);
        m.asSlice(ah + AH_FIXED, ahLength - AH_FIXED).fill((byte) 0);
        final int total = (int) (end - outer);
        final int id = sa.nextIpId();
        OuterHeader.writeIp(m, outer, sa, 0, 0, total, IpProtocol.AH, false, 0, id);
        if (v4) {
            Wire.u16(m, outer + 10, 0);
        }
        mac.compute(m, outer, total, sa.esn(), (int) (seq >>> 32), m, ah + AH_FIXED);
        OuterHeader.writeIp(m, outer, sa, tos, flowLabel, total, IpProtocol.AH, df, OuterHeader.TTL, id);
        pkt.set(outer, total);
        return null;
    }

    /** Padding 1, 2, 3, ... (RFC 4303 §2.4), pad length, next header. */
    private static void writeTrailer(final MemorySegment m, final long off, final int padLength, final int nextHeader) {
        for (int i = 0; i < padLength; i++) {
            Wire.u8(m, off + i, i + 1);
        }
        Wire.u8(m, off + padLength, padLength);
        Wire.u8(m, off + padLength + 1, nextHeader);
    }

    private static int align(final int value, final int block) {
        return (value + block - 1) / block * block;
    }
}
