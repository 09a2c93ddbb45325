package io.xgate.controlplane.ike.session;

import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * IKE fragmentation's sizes (RFC 7383): the largest IP datagram a fragment may make, per address family, and how long
 * fragments of an incomplete message are kept. The defaults are the RFC's (§2.5.1): 576 bytes for IPv4 and 1280 for
 * IPv6, the sizes every path must carry without IP fragmentation, since we do no path MTU discovery (§2.5.2 is
 * optional). strongSwan's default is 1280 for both; its {@code fragment_size = 0} picks these.
 */
public record Fragmentation(int ipv4Datagram, int ipv6Datagram, long reassemblyNanos) {
    public static final Fragmentation DEFAULT = new Fragmentation(576, 1280, TimeUnit.SECONDS.toNanos(30));

    private static final int IPV4_HEADER = 20;
    private static final int IPV6_HEADER = 40;
    private static final int UDP_HEADER = 8;
    /** The four zero bytes that tell IKE from ESP on port 4500 (RFC 3948 §2.2). */
    private static final int NON_ESP_MARKER = 4;

    /** The largest IKE message (header included) that fits one datagram sent from {@code local}. */
    public int maxMessage(final InetSocketAddress local) {
        final boolean v4 = local.getAddress() instanceof Inet4Address;
        return (v4 ? ipv4Datagram - IPV4_HEADER : ipv6Datagram - IPV6_HEADER) - UDP_HEADER
            - (local.getPort() == IkePorts.NAT_T ? NON_ESP_MARKER : 0);
    }
}
