package io.xgate.controlplane.config;

import io.xgate.dataplane.packet.IpAddress;
import io.xgate.dataplane.packet.IpPrefix;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** Interface names and devices, their zone and virtual-router references, MTU and address families. */
final class InterfaceRules implements ValidationRule {
    private static final Pattern TUNNEL_NAME = Pattern.compile(Pattern.quote(TunnelInterface.PREFIX) + "[1-9][0-9]{0,3}");
    /** Linux's dev_valid_name: at most IFNAMSIZ - 1 bytes, no '/', ':' or blanks. */
    private static final Pattern LINUX_DEVICE = Pattern.compile("[^/:\\s]{1,15}");
    static final IntRange MTU = new IntRange(576, 9216);
    /** SLAAC-style host portions are 64 bits: the prefix must leave exactly that much. */
    private static final int INTERFACE_ID_PREFIX_LENGTH = 64;

    @Override
    public void check(final DeviceConfig config, final ErrorCollector errors) {
        final Map<String, String> deviceOwner = new HashMap<>();
        Section.ETHERNET.each(config.interfaces().ethernet(), (port, path) -> {
            checkCommon(config, port, path, errors);
            if (!LINUX_DEVICE.matcher(port.device()).matches() || port.device().equals(".")
                    || port.device().equals("..")) {
                errors.add(path.key("device"), "must be a Linux interface name (1..15 characters, no '/', ':' or "
                        + "blanks), got '" + port.device() + "'");
            }
            final String owner = deviceOwner.putIfAbsent(port.device(), port.name());
            if (owner != null) {
                errors.add(path.key("device"), port.device() + " is already bound to " + owner);
            }
        });
        Section.TUNNEL_INTERFACES.each(config.interfaces().tunnel(), (tunnel, path) -> {
            checkCommon(config, tunnel, path, errors);
            if (!TUNNEL_NAME.matcher(tunnel.name()).matches()) {
                errors.add(path.key("name"), "must be tunnel.N with N in 1..9999, got '" + tunnel.name() + "'");
            }
            errors.checkRange(path.key("mtu"), MTU, tunnel.mtu());
            for (int i = 0; i < tunnel.ip().size(); i++) {
                checkFamily(tunnel.ip().get(i), IpAddress.V4, path.key("ip").index(i),
                        "; IPv6 addresses go under ipv6.address", errors);
            }
            checkIpv6(tunnel.ipv6(), !config.interfaces().ethernet().isEmpty(), path.key("ipv6"), errors);
        });
    }

    private static void checkCommon(final DeviceConfig config, final NetworkInterface port, final ConfigPath path,
                                    final ErrorCollector errors) {
        port.zone().ifPresent(zone ->
                References.resolve(errors, path.key("zone"), zone, config.zones(), Section.ZONES.path().toString()));
        port.virtualRouter().ifPresent(router -> References.resolve(errors, path.key("virtual-router"), router,
                config.virtualRouters(), Section.VIRTUAL_ROUTERS.path().toString()));
    }

    /** @param hasPorts whether an ethernet port exists to take an EUI-64 interface ID's MAC from */
    private static void checkIpv6(final Ipv6Settings ipv6, final boolean hasPorts, final ConfigPath path,
                                  final ErrorCollector errors) {
        final ConfigPath list = path.key("address");
        if (ipv6.enabled() && !hasPorts && ipv6.interfaceId() == Ipv6Settings.InterfaceId.Eui64.INSTANCE
                && ipv6.address().stream().anyMatch(Ipv6Settings.Ipv6Address::useInterfaceIdAsHostPortion)) {
            errors.add(path.key("interface-id"), "EUI-64 is derived from an ethernet port's MAC and there is no "
                    + "ethernet port; give the interface ID as eight hex octets");
        }
        for (int i = 0; i < ipv6.address().size(); i++) {
            final Ipv6Settings.Ipv6Address entry = ipv6.address().get(i);
            final ConfigPath entryPath = list.item(entry.address().toString());
            checkFamily(entry.address(), IpAddress.V6, entryPath.key("name"), "", errors);
            if (entry.useInterfaceIdAsHostPortion() && entry.address().length() != INTERFACE_ID_PREFIX_LENGTH) {
                errors.add(entryPath.key("prefix"), "using the interface ID as host portion needs a /64, got /"
                        + entry.address().length());
            }
        }
    }

    static void checkFamily(final IpPrefix prefix, final int family, final ConfigPath path, final String hint,
                            final ErrorCollector errors) {
        if (prefix.family() != family) {
            errors.add(path, "must be an " + IpAddress.familyName(family) + " prefix, got " + prefix + hint);
        }
    }
}
