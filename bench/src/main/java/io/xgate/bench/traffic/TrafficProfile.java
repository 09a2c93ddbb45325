package io.xgate.bench.traffic;

import io.xgate.dataplane.packet.IpAddress;

/**
 * Who the generated UDP frames are from and to. Flow {@code f} (also its stream id) comes from
 * {@code source + f} and source port {@code sourcePort + f}, so RSS and the xgate workers' hashing spread the
 * flows over queues; all go to one destination address and port. IPv4 or IPv6 follows the addresses.
 */
public record TrafficProfile(long sourceMac, long destinationMac, IpAddress source, IpAddress destination,
                             int sourcePort, int destinationPort, int flows) {
    /** Stream ids are 16 bits; the cap keeps every flow's frames in a UMEM of modest size (see FrameTemplates). */
    public static final int MAX_FLOWS = 1024;

    public TrafficProfile {
        if (source.family() != destination.family()) {
            throw new IllegalArgumentException("source and destination of different families: " + source + ", " + destination);
        }
        if (flows < 1 || flows > MAX_FLOWS) {
            throw new IllegalArgumentException("flows must be in 1.." + MAX_FLOWS + ": " + flows);
        }
        if (sourcePort < 1 || sourcePort + flows - 1 > 0xFFFF || destinationPort < 1 || destinationPort > 0xFFFF) {
            throw new IllegalArgumentException("UDP ports out of range");
        }
    }

    public boolean ipv4() {
        return destination.isV4();
    }

    /** Bytes before the probe payload: Ethernet, IP and UDP headers. */
    public int headerBytes() {
        return FrameTemplates.ETHERNET + (ipv4() ? FrameTemplates.IPV4 : FrameTemplates.IPV6) + FrameTemplates.UDP;
    }

    /** The smallest frame (FCS included) that holds the headers and the probe payload. */
    public int minimumFrameSize() {
        return headerBytes() + ProbePayload.LENGTH + FrameSizes.FCS;
    }

    public void requireFits(final FrameSizes sizes) {
        if (sizes.smallest() < minimumFrameSize()) {
            throw new IllegalArgumentException((ipv4() ? "IPv4" : "IPv6") + " frames need at least "
                    + minimumFrameSize() + " bytes (headers and the probe payload), got " + sizes.smallest());
        }
    }
}
