package io.xgate.controlplane.config;

import io.xgate.dataplane.packet.IpAddress;
import io.xgate.dataplane.packet.IpPrefix;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The whole device configuration, as one YAML document describes it. Immutable: a candidate config is
 * edited by building a new one. The predefined {@code default} profiles are always present, as on PAN-OS, and
 * so are the crypto presets ({@link CryptoPresets}).
 */
public record DeviceConfig(Device device, Interfaces interfaces, List<Zone> zones, List<VirtualRouter> virtualRouters,
                           List<IkeCryptoProfile> ikeCryptoProfiles, List<IpsecCryptoProfile> ipsecCryptoProfiles,
                           List<IkeGateway> ikeGateways, List<IpsecTunnel> ipsecTunnels,
                           List<MonitorProfile> monitorProfiles, List<TunnelGroup> tunnelGroups,
                           List<Certificate> certificates, List<CertificateProfile> certificateProfiles) {

    public DeviceConfig {
        zones = List.copyOf(zones);
        virtualRouters = List.copyOf(virtualRouters);
        ikeCryptoProfiles = withPredefined(ikeCryptoProfiles, CryptoPresets.IKE);
        ipsecCryptoProfiles = withPredefined(ipsecCryptoProfiles, CryptoPresets.IPSEC);
        ikeGateways = List.copyOf(ikeGateways);
        ipsecTunnels = List.copyOf(ipsecTunnels);
        monitorProfiles = withPredefined(monitorProfiles, List.of(MonitorProfile.DEFAULT));
        tunnelGroups = List.copyOf(tunnelGroups);
        certificates = List.copyOf(certificates);
        certificateProfiles = List.copyOf(certificateProfiles);
    }

    /**
     * The predefined objects after the listed ones (so list indexes stay those of the document), each unless the
     * config redefines it (PAN-OS lets an admin edit the defaults).
     */
    private static <T extends Named> List<T> withPredefined(final List<T> listed, final List<T> predefined) {
        final List<T> all = new ArrayList<>(listed);
        for (final T object : predefined) {
            if (Named.find(listed, object.name()).isEmpty()) {
                all.add(object);
            }
        }
        return List.copyOf(all);
    }

    /**
     * The address a manual-key SA or IKE sends from: the configured IP, else the local interface's first address
     * of {@code family}.
     */
    public IpAddress sourceAddress(final LocalAddress local, final int family) {
        return local.ip().orElseGet(() -> findInterface(local.interfaceName())
                .map(NetworkInterface::ip).orElse(List.of()).stream()
                .map(IpPrefix::address)
                .filter(a -> a.family() == family)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(local.interfaceName()
                        + " has no " + IpAddress.familyName(family) + " address to send from")));
    }

    public Optional<NetworkInterface> findInterface(final String name) {
        return Named.find(interfaces.all(), name);
    }

    public Optional<IkeCryptoProfile> findIkeCryptoProfile(final String name) {
        return Named.find(ikeCryptoProfiles, name);
    }

    public Optional<IpsecCryptoProfile> findIpsecCryptoProfile(final String name) {
        return Named.find(ipsecCryptoProfiles, name);
    }

    public Optional<IkeGateway> findIkeGateway(final String name) {
        return Named.find(ikeGateways, name);
    }

    public Optional<IpsecTunnel> findIpsecTunnel(final String name) {
        return Named.find(ipsecTunnels, name);
    }

    public Optional<Certificate> findCertificate(final String name) {
        return Named.find(certificates, name);
    }

    public Optional<CertificateProfile> findCertificateProfile(final String name) {
        return Named.find(certificateProfiles, name);
    }

    public Optional<MonitorProfile> findMonitorProfile(final String name) {
        return Named.find(monitorProfiles, name);
    }
}
