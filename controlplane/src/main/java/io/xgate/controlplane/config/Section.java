package io.xgate.controlplane.config;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;

/** A top-level list of named objects: where it sits in the document and how long its names may be (PAN-OS). */
enum Section {
    ETHERNET("interfaces.ethernet", c -> c.interfaces().ethernet(), 31),
    TUNNEL_INTERFACES("interfaces.tunnel", c -> c.interfaces().tunnel(), 31),
    ZONES("zones", DeviceConfig::zones, 31),
    VIRTUAL_ROUTERS("virtual-routers", DeviceConfig::virtualRouters, 31),
    IKE_CRYPTO_PROFILES("ike-crypto-profiles", DeviceConfig::ikeCryptoProfiles, 31),
    IPSEC_CRYPTO_PROFILES("ipsec-crypto-profiles", DeviceConfig::ipsecCryptoProfiles, 31),
    IKE_GATEWAYS("ike-gateways", DeviceConfig::ikeGateways, 63),
    /** The 63 include ':' and the proxy-id name, which NameRules checks per proxy ID. */
    IPSEC_TUNNELS("ipsec-tunnels", DeviceConfig::ipsecTunnels, 63),
    MONITOR_PROFILES("monitor-profiles", DeviceConfig::monitorProfiles, 31),
    TUNNEL_GROUPS("tunnel-groups", DeviceConfig::tunnelGroups, 31),
    CERTIFICATES("certificates", DeviceConfig::certificates, 63),
    CERTIFICATE_PROFILES("certificate-profiles", DeviceConfig::certificateProfiles, 31);

    private final ConfigPath path;
    private final Function<DeviceConfig, List<? extends Named>> objects;
    private final int maxNameLength;

    Section(final String path, final Function<DeviceConfig, List<? extends Named>> objects, final int maxNameLength) {
        this.path = new ConfigPath(path);
        this.objects = objects;
        this.maxNameLength = maxNameLength;
    }

    ConfigPath path() {
        return path;
    }

    List<? extends Named> objects(final DeviceConfig config) {
        return objects.apply(config);
    }

    int maxNameLength() {
        return maxNameLength;
    }

    /** The item's path as the loader builds it: by name, or by index when it has none. */
    static ConfigPath itemPath(final ConfigPath list, final Named item, final int index) {
        return item.name().isEmpty() ? list.index(index) : list.item(item.name());
    }

    /** Visits each object of a list with its path. */
    static <T extends Named> void each(final List<T> items, final ConfigPath list, final BiConsumer<T, ConfigPath> visit) {
        for (int i = 0; i < items.size(); i++) {
            visit.accept(items.get(i), itemPath(list, items.get(i), i));
        }
    }

    <T extends Named> void each(final List<T> items, final BiConsumer<T, ConfigPath> visit) {
        each(items, path, visit);
    }
}
