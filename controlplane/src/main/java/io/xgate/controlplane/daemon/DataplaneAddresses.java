package io.xgate.controlplane.daemon;

import io.xgate.controlplane.config.IpAddress;
import io.xgate.controlplane.config.IpPrefix;
import java.net.InetAddress;

/** The config's address types as the data plane and the JDK spell them (both print canonical literals). */
final class DataplaneAddresses {
    private DataplaneAddresses() {
    }

    static io.xgate.dataplane.packet.IpAddress address(final IpAddress address) {
        return io.xgate.dataplane.packet.IpAddress.parse(address.toString());
    }

    /** The network of {@code prefix} (host bits cleared), as routes want it. */
    static io.xgate.dataplane.packet.IpPrefix network(final IpPrefix prefix) {
        return io.xgate.dataplane.packet.IpPrefix.parse(prefix.network().toString());
    }

    /** RFC 5952 text (the data plane's own form spells every IPv6 group out), for log lines. */
    static String text(final io.xgate.dataplane.packet.IpAddress address) {
        return IpAddress.parse(address.toInetAddress().getHostAddress()).toString();
    }

    static String text(final io.xgate.dataplane.packet.IpPrefix prefix) {
        return text(prefix.network()) + "/" + prefix.length();
    }

    static InetAddress inet(final IpAddress address) {
        return InetAddress.ofLiteral(address.toString());
    }
}
