package io.xgate.controlplane.daemon;

import io.xgate.controlplane.config.DeviceConfig;
import io.xgate.controlplane.config.EthernetInterface;
import io.xgate.controlplane.config.Ipv6Settings;
import io.xgate.controlplane.config.TunnelInterface;
import io.xgate.dataplane.packet.IpAddress;
import io.xgate.dataplane.packet.IpPrefix;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The gateway's own addresses as the data plane holds them: the ports' as written, a tunnel interface's IPv4 ones
 * as written and its IPv6 ones (when IPv6 is on) with the interface ID as host portion where the entry asks for it.
 * A tunnel interface has no MAC of its own, so its EUI-64 ID comes from the first ethernet port in its virtual
 * router, else from the first ethernet port: the same MAC at every start on the same hardware.
 */
final class OwnAddresses {
    /** One address of a tunnel interface; an anycast one is answered but never a source of our own traffic. */
    record TunnelAddress(IpPrefix prefix, boolean anycast) {
    }

    private final DeviceConfig config;
    private final PortMacs macs;

    OwnAddresses(final DeviceConfig config, final PortMacs macs) {
        this.config = config;
        this.macs = macs;
    }

    /** Every address of the gateway: ports, then tunnel interfaces. */
    List<IpPrefix> all() {
        return Stream.concat(config.interfaces().ethernet().stream().flatMap(p -> p.ip().stream()),
                config.interfaces().tunnel().stream().flatMap(t -> tunnel(t).stream()).map(TunnelAddress::prefix))
                .toList();
    }

    /** A tunnel interface's IPv4 addresses, then the IPv6 ones enabled on it. */
    List<TunnelAddress> tunnel(final TunnelInterface tunnel) {
        final Ipv6Settings ipv6 = tunnel.ipv6();
        final Stream<TunnelAddress> v6 = ipv6.enabled()
                ? ipv6.address().stream().filter(Ipv6Settings.Ipv6Address::enableOnInterface)
                        .map(a -> new TunnelAddress(withHost(tunnel, a), a.anycast()))
                : Stream.empty();
        return Stream.concat(tunnel.ip().stream().map(p -> new TunnelAddress(p, false)), v6).toList();
    }

    /**
     * Where traffic the gateway originates into {@code tunnel} comes from (tunnel-monitor probes): its first
     * address of {@code family} that is not anycast.
     */
    Optional<IpAddress> source(final TunnelInterface tunnel, final int family) {
        return tunnel(tunnel).stream().filter(a -> !a.anycast() && a.prefix().family() == family)
                .map(a -> a.prefix().address()).findFirst();
    }

    private IpPrefix withHost(final TunnelInterface tunnel, final Ipv6Settings.Ipv6Address entry) {
        if (!entry.useInterfaceIdAsHostPortion()) {
            return entry.address();
        }
        final long interfaceId = switch (tunnel.ipv6().interfaceId()) {
            case Ipv6Settings.InterfaceId.Explicit explicit -> explicit.value();
            case Ipv6Settings.InterfaceId.Eui64 eui64 -> ModifiedEui64.of(macs.of(macSource(tunnel).device()));
        };
        // The config rules hold the prefix to a /64: the interface ID is exactly the low half.
        final IpAddress network = entry.address().network();
        return new IpPrefix(IpAddress.v6(network.high(), interfaceId), entry.address().length());
    }

    private EthernetInterface macSource(final TunnelInterface tunnel) {
        final List<EthernetInterface> ports = config.interfaces().ethernet();
        return ports.stream().filter(p -> tunnel.virtualRouter().isPresent()
                        && p.virtualRouter().equals(tunnel.virtualRouter()))
                .findFirst().or(() -> ports.stream().findFirst())
                .orElseThrow(() -> new IllegalArgumentException(tunnel.name()
                        + ": an EUI-64 interface ID takes an ethernet port's MAC, and there is none"));
    }
}
