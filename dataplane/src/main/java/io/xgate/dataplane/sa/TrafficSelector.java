package io.xgate.dataplane.sa;

import io.xgate.dataplane.packet.IpAddress;
import io.xgate.dataplane.packet.IpPrefix;

/**
 * One proxy ID / IKEv2 traffic selector pair, as address and port ranges (RFC 7296 §3.13.1), seen from this
 * gateway: {@code local} is the protected network behind us, {@code remote} the one behind the peer.
 * Protocol 0 means any; port ranges apply to TCP, UDP (and are 0..65535 for any).
 */
public record TrafficSelector(int family,
                              long localStartHi, long localStartLo, long localEndHi, long localEndLo,
                              long remoteStartHi, long remoteStartLo, long remoteEndHi, long remoteEndLo,
                              int protocol, int localPortStart, int localPortEnd,
                              int remotePortStart, int remotePortEnd) {

    public static final int ANY_PROTOCOL = 0;

    public static TrafficSelector of(final IpPrefix local, final IpPrefix remote, final int protocol,
                                     final int localPort, final int remotePort) {
        if (local.family() != remote.family()) {
            throw new IllegalArgumentException("local and remote selectors must be of one family");
        }
        final IpAddress ll = local.last();
        final IpAddress rl = remote.last();
        return new TrafficSelector(local.family(),
                local.network().high(), local.network().low(), ll.high(), ll.low(),
                remote.network().high(), remote.network().low(), rl.high(), rl.low(),
                protocol,
                localPort == 0 ? 0 : localPort, localPort == 0 ? 65535 : localPort,
                remotePort == 0 ? 0 : remotePort, remotePort == 0 ? 65535 : remotePort);
    }

    /** PAN-OS's default when no proxy ID is configured: 0.0.0.0/0 ↔ 0.0.0.0/0 any (or ::/0 for IPv6). */
    public static TrafficSelector any(final int family) {
        return of(IpPrefix.any(family), IpPrefix.any(family), ANY_PROTOCOL, 0, 0);
    }

    /** Does a packet from the peer's side (src remote, dst local) fall inside? Ports are 0 for portless protocols. */
    public boolean matchesInbound(final int fam, final long srcHi, final long srcLo, final long dstHi, final long dstLo,
                                  final int proto, final int srcPort, final int dstPort) {
        return fam == family
                && inRange(srcHi, srcLo, remoteStartHi, remoteStartLo, remoteEndHi, remoteEndLo)
                && inRange(dstHi, dstLo, localStartHi, localStartLo, localEndHi, localEndLo)
                && protocolAndPorts(proto, dstPort, srcPort);
    }

    /** Does a packet from our side (src local, dst remote) fall inside? */
    public boolean matchesOutbound(final int fam, final long srcHi, final long srcLo, final long dstHi, final long dstLo,
                                   final int proto, final int srcPort, final int dstPort) {
        return fam == family
                && inRange(srcHi, srcLo, localStartHi, localStartLo, localEndHi, localEndLo)
                && inRange(dstHi, dstLo, remoteStartHi, remoteStartLo, remoteEndHi, remoteEndLo)
                && protocolAndPorts(proto, srcPort, dstPort);
    }

    private boolean protocolAndPorts(final int proto, final int localPort, final int remotePort) {
        if (protocol == ANY_PROTOCOL) {
            return true;
        }
        return proto == protocol
                && localPort >= localPortStart && localPort <= localPortEnd
                && remotePort >= remotePortStart && remotePort <= remotePortEnd;
    }

    private static boolean inRange(final long hi, final long lo, final long startHi, final long startLo,
                                   final long endHi, final long endLo) {
        return compare(hi, lo, startHi, startLo) >= 0 && compare(hi, lo, endHi, endLo) <= 0;
    }

    private static int compare(final long aHi, final long aLo, final long bHi, final long bLo) {
        final int c = Long.compareUnsigned(aHi, bHi);
        return c != 0 ? c : Long.compareUnsigned(aLo, bLo);
    }
}
