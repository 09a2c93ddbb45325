package io.xgate.dataplane.worker;

import io.xgate.dataplane.packet.Checksum;
import io.xgate.dataplane.packet.IcmpMessage;
import io.xgate.dataplane.packet.IpAddress;
import io.xgate.dataplane.packet.IpProtocol;
import io.xgate.dataplane.packet.Ipv4Packet;
import io.xgate.dataplane.packet.Ipv6Packet;
import io.xgate.dataplane.packet.Wire;
import io.xgate.dataplane.sa.Tunnel;
import java.lang.foreign.MemorySegment;

/**
 * ICMP echo on the gateway's own addresses as seen through a tunnel, done in the worker so the tunnel monitor
 * never waits on a kernel round trip: an echo request that arrived decapsulated is turned into its reply in place
 * (addresses swapped, type changed, checksums patched) for the pipeline to send back into the same tunnel; an echo
 * reply whose identifier is the tunnel's id answers one of our probes and becomes an event. Also writes the probes.
 */
final class TunnelEcho {
    /** Not an echo we handle: the packet goes to the control plane like any other for the gateway. */
    static final int OTHER = 0;
    /** The packet now holds the echo reply, to be encapsulated into the tunnel it came from. */
    static final int ANSWERED = 1;
    /** A reply to our probe, reported; the frame is free again. */
    static final int PROBE_REPLY = 2;
    private static final int TTL = 64;

    private final IcmpMessage icmp = new IcmpMessage();
    private final ProbeReplyListener replies;

    TunnelEcho(final ProbeReplyListener replies) {
        this.replies = replies;
    }

    /** @param ip wrapped at a decapsulated IPv4 packet addressed to the gateway, ending at {@code end} */
    int onIpv4(final Ipv4Packet ip, final long end, final Tunnel tunnel) {
        if (ip.protocol() != IpProtocol.ICMP || ip.isFragment()
                || !icmp.wrap(ip.segment(), ip.payloadOffset(), end)) {
            return OTHER;
        }
        if (icmp.type() == IcmpMessage.ECHO_REQUEST_V4 && icmp.code() == 0) {
            final MemorySegment m = ip.segment();
            final long off = ip.offset();
            final int source = ip.source();
            Wire.u32(m, off + 12, ip.destination());
            Wire.u32(m, off + 16, source);
            Wire.u8(m, off + 8, TTL);
            Wire.u16(m, off + 10, 0);
            Wire.u16(m, off + 10, Checksum.compute(m, off, ip.headerLength()));
            icmp.type(IcmpMessage.ECHO_REPLY_V4);
            return ANSWERED;
        }
        return probeReply(IcmpMessage.ECHO_REPLY_V4, tunnel);
    }

    /** @param ip wrapped at a decapsulated IPv6 packet addressed to the gateway, ending at {@code end} */
    int onIpv6(final Ipv6Packet ip, final long end, final Tunnel tunnel) {
        if (ip.upperProtocol() != IpProtocol.ICMPV6 || ip.isFragment()
                || !icmp.wrap(ip.segment(), ip.upperOffset(), end)) {
            return OTHER;
        }
        if (icmp.type() == IcmpMessage.ECHO_REQUEST_V6 && icmp.code() == 0) {
            final MemorySegment m = ip.segment();
            final long off = ip.offset();
            final long sourceHigh = ip.sourceHigh();
            final long sourceLow = ip.sourceLow();
            Wire.u64(m, off + 8, ip.destinationHigh());
            Wire.u64(m, off + 16, ip.destinationLow());
            Wire.u64(m, off + 24, sourceHigh);
            Wire.u64(m, off + 32, sourceLow);
            Wire.u8(m, off + 7, TTL);
            // The pseudo-header sums both addresses, so swapping them leaves the ICMPv6 checksum as it was.
            icmp.type(IcmpMessage.ECHO_REPLY_V6);
            return ANSWERED;
        }
        return probeReply(IcmpMessage.ECHO_REPLY_V6, tunnel);
    }

    private int probeReply(final int replyType, final Tunnel tunnel) {
        if (icmp.type() == replyType && icmp.identifier() == tunnel.id()) {
            replies.onProbeReply(tunnel.id(), icmp.sequence(), System.nanoTime());
            return PROBE_REPLY;
        }
        return OTHER;
    }

    /** Writes the probe's IP packet at {@code ip}: an echo request without data; returns its length. */
    static int writeProbe(final MemorySegment m, final long ip, final WorkerCommand.SendProbe probe) {
        final IpAddress src = probe.source();
        final IpAddress dst = probe.destination();
        if (src.isV4()) {
            final int length = Ipv4Packet.MIN_HEADER + IcmpMessage.HEADER;
            Ipv4Packet.write(m, ip, 0, length, probe.sequence(), Ipv4Packet.FLAG_DF, TTL, IpProtocol.ICMP, src.v4(),
                    dst.v4());
            final long upper = ip + Ipv4Packet.MIN_HEADER;
            IcmpMessage.writeEcho(m, upper, IcmpMessage.ECHO_REQUEST_V4, probe.tunnelId(), probe.sequence());
            Wire.u16(m, upper + 2, Checksum.compute(m, upper, IcmpMessage.HEADER));
            return length;
        }
        Ipv6Packet.write(m, ip, 0, 0, IcmpMessage.HEADER, IpProtocol.ICMPV6, TTL, src.high(), src.low(), dst.high(),
                dst.low());
        final long upper = ip + Ipv6Packet.HEADER;
        IcmpMessage.writeEcho(m, upper, IcmpMessage.ECHO_REQUEST_V6, probe.tunnelId(), probe.sequence());
        final long pseudo = Checksum.sum(m, ip + 8, 32, IpProtocol.ICMPV6 + IcmpMessage.HEADER);
        Wire.u16(m, upper + 2, Checksum.finish(Checksum.sum(m, upper, IcmpMessage.HEADER, pseudo)));
        return Ipv6Packet.HEADER + IcmpMessage.HEADER;
    }
}
