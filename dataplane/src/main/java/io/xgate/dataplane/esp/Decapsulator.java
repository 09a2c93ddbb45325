package io.xgate.dataplane.esp;

import io.xgate.dataplane.counters.DropReason;
import io.xgate.dataplane.crypto.EspCipher;
import io.xgate.dataplane.crypto.PacketMac;
import io.xgate.dataplane.packet.AhHeader;
import io.xgate.dataplane.packet.GreHeader;
import io.xgate.dataplane.packet.IpAddress;
import io.xgate.dataplane.packet.IpProtocol;
import io.xgate.dataplane.packet.Ipv4Packet;
import io.xgate.dataplane.packet.Ipv6Packet;
import io.xgate.dataplane.packet.PacketBuffer;
import io.xgate.dataplane.packet.TransportPorts;
import io.xgate.dataplane.packet.Wire;
import io.xgate.dataplane.replay.ReplayWindow;
import io.xgate.dataplane.sa.InboundSa;
import io.xgate.dataplane.sa.IpsecMode;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * Inbound IPsec in place: replay pre-check, ICV verification and decryption, replay window update (only after
 * the ICV verified), trailer checks, GRE removal, the SA's selectors, and RFC 6040 ECN decapsulation.
 * On success the buffer describes the inner IP packet. One instance per worker; no allocation per packet.
 */
public final class Decapsulator {
    private static final int ESP_HEADER = 8;
    private static final int MAX_ICV = 64;

    private final Ipv4Packet ipv4 = new Ipv4Packet();
    private final Ipv6Packet ipv6 = new Ipv6Packet();
    private final AhHeader ahHeader = new AhHeader();
    private final GreHeader gre = new GreHeader();
    /** Received AH ICV and the one computed here, side by side. */
    private final MemorySegment icvScratch = Arena.ofAuto().allocate(2 * MAX_ICV, 64);

    /**
     * @param outerIp  offset of the outer IP header (its version tells the family)
     * @param esp      offset of the ESP header (after the UDP header for ESP in UDP)
     * @param outerTos outer TOS / traffic class, for ECN
     */
    public DropReason esp(final PacketBuffer pkt, final long outerIp, final long esp, final int outerTos,
                          final InboundSa sa) {
        final MemorySegment m = pkt.memory();
        final EspCipher cipher = sa.cipher();
        final int espLength = (int) (pkt.end() - esp);
        final int textLength = espLength - ESP_HEADER - cipher.ivLength() - cipher.icvLength();
        if (textLength < 2) {
            return DropReason.RUNT;
        }
        if (textLength % cipher.blockSize() != 0) {
            return DropReason.MALFORMED;
        }
        final ReplayWindow window = sa.window();
        final long seq = window.check(Wire.u32(m, esp + 4));
        if (seq < 0) {
            return DropReason.REPLAY;
        }
        if (!cipher.open(m, esp, textLength, (int) (seq >>> 32))) {
            return DropReason.INTEGRITY;
        }
        if (!window.accept(seq)) {
            return DropReason.REPLAY;
        }
        final long text = esp + ESP_HEADER + cipher.ivLength();
        final long textEnd = text + textLength;
        final int nextHeader = Wire.u8(m, textEnd - 1);
        final int padLength = Wire.u8(m, textEnd - 2);
        if (padLength + 2 > textLength || !paddingValid(m, textEnd - 2 - padLength, padLength)) {
            return DropReason.BAD_PAD;
        }
        if (nextHeader == IpProtocol.NO_NEXT_HEADER) {
            return DropReason.DUMMY;
        }
        final long payloadEnd = textEnd - 2 - padLength;
        if (sa.mode() == IpsecMode.TRANSPORT) {
            return transport(pkt, outerIp, text, payloadEnd, nextHeader);
        }
        return inner(pkt, text, payloadEnd, nextHeader, outerTos, sa);
    }

    /** AH (RFC 4302), tunnel mode. */
    public DropReason ah(final PacketBuffer pkt, final long outerIp, final long ah, final int outerTos,
                         final InboundSa sa) {
        final MemorySegment m = pkt.memory();
        final PacketMac mac = sa.mac();
        final long end = pkt.end();
        if (end - ah < AhHeader.FIXED) {
            return DropReason.RUNT;
        }
        if (!ahHeader.wrap(m, ah, end) || ahHeader.icvFieldLength() < mac.icvLength()
                || ahHeader.icvFieldLength() > MAX_ICV) {
            return DropReason.MALFORMED;
        }
        final ReplayWindow window = sa.window();
        final long seq = window.check(ahHeader.sequence());
        if (seq < 0) {
            return DropReason.REPLAY;
        }
        if (!ahIcvValid(m, outerIp, (int) (end - outerIp), ahHeader.icvOffset(), ahHeader.icvFieldLength(), sa,
                (int) (seq >>> 32))) {
            return DropReason.INTEGRITY;
        }
        if (!window.accept(seq)) {
            return DropReason.REPLAY;
        }
        if (sa.mode() == IpsecMode.TRANSPORT) {
            return DropReason.UNSUPPORTED;
        }
        return inner(pkt, ahHeader.payloadOffset(), end, ahHeader.nextHeader(), outerTos, sa);
    }

    /** Zeroes the mutable outer fields and the ICV, computes, restores, compares in constant time. */
    private boolean ahIcvValid(final MemorySegment m, final long ip, final int length, final long icv,
                               final int icvField, final InboundSa sa, final int seqHi) {
        final boolean v4 = (Wire.u8(m, ip) >>> 4) == 4;
        final int savedWordA = Wire.u32(m, ip);          // v4: version/IHL, TOS, length; v6: version/TC/flow label
        final long savedWordB = Wire.u64(m, ip + 4);     // v4: len, id, flags/frag, TTL, proto, csum; v6: len, nh, hop
        if (v4) {
            Wire.u8(m, ip + 1, 0);
            Wire.u16(m, ip + 6, 0);
            Wire.u8(m, ip + 8, 0);
            Wire.u16(m, ip + 10, 0);
        } else {
            Wire.u32(m, ip, 6 << 28);
            Wire.u8(m, ip + 7, 0);
        }
        MemorySegment.copy(m, icv, icvScratch, 0, icvField);
        m.asSlice(icv, icvField).fill((byte) 0);
        final PacketMac mac = sa.mac();
        mac.compute(m, ip, length, sa.esn(), seqHi, icvScratch, MAX_ICV);
        MemorySegment.copy(icvScratch, 0, m, icv, icvField);
        Wire.u32(m, ip, savedWordA);
        Wire.u64(m, ip + 4, savedWordB);
        int diff = 0;
        for (int i = 0; i < mac.icvLength(); i++) {
            diff |= Wire.u8(icvScratch, i) ^ Wire.u8(icvScratch, MAX_ICV + i);
        }
        return diff == 0;
    }

    /** The tunnel-mode inner packet at [start, end): GRE, IP sanity, selectors, ECN. */
    private DropReason inner(final PacketBuffer pkt, final long start, final long end, final int nextHeader,
                             final int outerTos, final InboundSa sa) {
        final MemorySegment m = pkt.memory();
        long ip = start;
        int protocol = nextHeader;
        if (protocol == IpProtocol.GRE) {
            if (!gre.wrap(m, ip, end)) {
                return DropReason.MALFORMED;
            }
            ip = gre.payloadOffset();
            protocol = gre.protocolType() == GreHeader.TYPE_IPV4 ? IpProtocol.IPV4
                    : gre.protocolType() == GreHeader.TYPE_IPV6 ? IpProtocol.IPV6 : -1;
        }
        if (protocol == IpProtocol.IPV4) {
            if (!ipv4.wrap(m, ip, end)) {
                return DropReason.MALFORMED;
            }
            final boolean fragment = ipv4.isFragment();
            final int upperProtocol = ipv4.protocol();
            final long upper = ipv4.payloadOffset();
            final int srcPort = TransportPorts.of(m, upperProtocol, upper, end, fragment, TransportPorts.SOURCE);
            final int dstPort = TransportPorts.of(m, upperProtocol, upper, end, fragment, TransportPorts.DESTINATION);
            if (!sa.admits(IpAddress.V4, 0, ipv4.source() & 0xFFFF_FFFFL, 0, ipv4.destination() & 0xFFFF_FFFFL,
                    upperProtocol, srcPort, dstPort)) {
                return DropReason.SELECTOR;
            }
            final int tos = Ecn.decapsulate(ipv4.tos(), outerTos);
            if (tos == Ecn.DROP) {
                return DropReason.ECN;
            }
            if (tos != ipv4.tos()) {
                ipv4.tos(tos);
            }
            pkt.set(ip, ipv4.totalLength());
            return null;
        }
        if (protocol == IpProtocol.IPV6) {
            if (!ipv6.wrap(m, ip, end)) {
                return DropReason.MALFORMED;
            }
            final int upperProtocol = ipv6.upperProtocol();
            final boolean fragment = ipv6.isFragment();
            final int srcPort = TransportPorts.of(m, upperProtocol, ipv6.upperOffset(), end, fragment, TransportPorts.SOURCE);
            final int dstPort = TransportPorts.of(m, upperProtocol, ipv6.upperOffset(), end, fragment, TransportPorts.DESTINATION);
            if (!sa.admits(IpAddress.V6, ipv6.sourceHigh(), ipv6.sourceLow(), ipv6.destinationHigh(),
                    ipv6.destinationLow(), upperProtocol, srcPort, dstPort)) {
                return DropReason.SELECTOR;
            }
            final int tc = Ecn.decapsulate(ipv6.trafficClass(), outerTos);
            if (tc == Ecn.DROP) {
                return DropReason.ECN;
            }
            ipv6.trafficClass(tc);
            pkt.set(ip, ipv6.totalLength());
            return null;
        }
        return DropReason.UNSUPPORTED;
    }

    /**
     * Transport mode: the IP header moves up to the payload (dropping the ESP header, and a UDP header for ESP
     * in UDP) and takes the payload's protocol.
     */
    private static DropReason transport(final PacketBuffer pkt, final long ip, final long payload,
                                        final long payloadEnd, final int nextHeader) {
        final MemorySegment m = pkt.memory();
        final boolean v4 = (Wire.u8(m, ip) >>> 4) == 4;
        final int headerLength = v4 ? (Wire.u8(m, ip) & 0xF) << 2 : Ipv6Packet.HEADER;
        final long newIp = payload - headerLength;
        MemorySegment.copy(m, ip, m, newIp, headerLength);
        final int total = (int) (payloadEnd - newIp);
        if (v4) {
            Wire.u8(m, newIp + 9, nextHeader);
            Wire.u16(m, newIp + 2, total);
            Wire.u16(m, newIp + 10, 0);
            Wire.u16(m, newIp + 10, io.xgate.dataplane.packet.Checksum.compute(m, newIp, headerLength));
        } else {
            Wire.u8(m, newIp + 6, nextHeader);
            Wire.u16(m, newIp + 4, total - Ipv6Packet.HEADER);
        }
        pkt.set(newIp, total);
        return null;
    }

    private static boolean paddingValid(final MemorySegment m, final long off, final int padLength) {
        for (int i = 0; i < padLength; i++) {
            if (Wire.u8(m, off + i) != i + 1) {
                return false;
            }
        }
        return true;
    }
}
