package io.xgate.dataplane.packet;

/** IANA protocol numbers the data plane looks at. */
public final class IpProtocol {
    public static final int ICMP = 1;
    public static final int IPV4 = 4;
    public static final int TCP = 6;
    public static final int UDP = 17;
    public static final int IPV6 = 41;
    public static final int GRE = 47;
    public static final int ESP = 50;
    public static final int AH = 51;
    public static final int ICMPV6 = 58;
    /** RFC 4303 §2.6: a dummy packet to be discarded by the receiver. */
    public static final int NO_NEXT_HEADER = 59;

    private IpProtocol() {
    }
}
