package io.xgate.controlplane.config;

import io.xgate.dataplane.packet.IpAddress;
import io.xgate.dataplane.packet.IpPrefix;
import java.util.Optional;
import java.util.regex.Pattern;

/** Binds {@code interfaces.ethernet} and {@code interfaces.tunnel}. */
final class InterfaceBinder {
    private static final Pattern INTERFACE_ID = Pattern.compile("\\p{XDigit}{2}(:\\p{XDigit}{2}){7}");
    private static final String EUI_64 = "EUI-64";

    Interfaces bind(final Fields f) {
        return new Interfaces(f.get("ethernet").namedList(this::ethernet), f.get("tunnel").namedList(this::tunnel));
    }

    private EthernetInterface ethernet(final Fields f) {
        return new EthernetInterface(f.name(), f.require("device").string(""), optionalString(f, "zone"),
                optionalString(f, "virtual-router"), f.get("ip").list(InterfaceBinder::prefix));
    }

    private TunnelInterface tunnel(final Fields f) {
        return new TunnelInterface(f.name(), optionalString(f, "zone"), optionalString(f, "virtual-router"),
                f.get("ip").list(InterfaceBinder::prefix), f.get("ipv6").object(this::ipv6),
                f.get("mtu").integer(TunnelInterface.DEFAULT_MTU));
    }

    private Ipv6Settings ipv6(final Fields f) {
        return new Ipv6Settings(f.get("enabled").bool(false),
                f.get("interface-id").parsed(InterfaceBinder::interfaceId, Ipv6Settings.InterfaceId.Eui64.INSTANCE),
                f.get("address").namedList(this::ipv6Address));
    }

    /** PAN-OS names the entry by its address and calls "use interface ID as host portion" {@code prefix}. */
    private Ipv6Settings.Ipv6Address ipv6Address(final Fields f) {
        return new Ipv6Settings.Ipv6Address(f.require("name").parsed(IpPrefix::parse, IpPrefix.any(IpAddress.V4)),
                f.get("enable-on-interface").bool(true), f.get("prefix").bool(false), f.get("anycast").bool(false));
    }

    private static Ipv6Settings.InterfaceId interfaceId(final String text) {
        if (text.equals(EUI_64)) {
            return Ipv6Settings.InterfaceId.Eui64.INSTANCE;
        }
        if (!INTERFACE_ID.matcher(text).matches()) {
            throw new IllegalArgumentException("expected EUI-64 or eight hex octets like 00:26:08:FF:FE:DE:4E:29, got '"
                    + text + "'");
        }
        return new Ipv6Settings.InterfaceId.Explicit(Long.parseUnsignedLong(text.replace(":", ""), 16));
    }

    static IpPrefix prefix(final Node node) {
        return node.parsed(IpPrefix::parse, IpPrefix.any(IpAddress.V4));
    }

    static Optional<String> optionalString(final Fields f, final String key) {
        return Optional.ofNullable(f.get(key).string(null));
    }
}
