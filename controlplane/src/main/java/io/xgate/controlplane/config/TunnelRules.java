package io.xgate.controlplane.config;

import io.xgate.dataplane.packet.IpAddress;
import io.xgate.controlplane.config.IkeGateway.PeerAddress;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * IPsec tunnels: the tunnel interface, auto-key references and proxy IDs, the replay window, flow-label
 * copying and the tunnel monitor. Manual keys have their own rules.
 */
final class TunnelRules implements ValidationRule {
    private static final int MIN_WINDOW = 64;
    /** PAN-OS stops at 4096; xgate's bitmap window goes to 65536. */
    private static final int MAX_WINDOW = 65536;
    static final IntRange PROTOCOL_NUMBER = new IntRange(1, 254);
    static final IntRange PORT = new IntRange(0, 65535);

    @Override
    public void check(final DeviceConfig config, final ErrorCollector errors) {
        final Map<String, String> interfaceOwner = new HashMap<>();
        Section.IPSEC_TUNNELS.each(config.ipsecTunnels(), (tunnel, path) -> {
            checkTunnelInterface(config, tunnel, path, interfaceOwner, errors);
            final int window = tunnel.antiReplayWindow();
            if (window < MIN_WINDOW || window > MAX_WINDOW || Integer.bitCount(window) != 1) {
                errors.add(path.key("anti-replay-window"), "must be one of 64..4096 powers of two, got " + window);
            }
            if (tunnel.keying() instanceof AutoKey auto) {
                checkAutoKey(config, auto, path.key("auto-key"), errors);
            }
            if (tunnel.copyFlowLabel()) {
                peerFamily(config, tunnel.keying()).filter(family -> family != IpAddress.V6).ifPresent(family ->
                        errors.add(path.key("copy-flow-label"), "applies to IPv6-in-IPv6 only, the peer is "
                                + IpAddress.familyName(family)));
            }
            checkMonitor(config, tunnel, path.key("tunnel-monitor"), errors);
        });
    }

    private static void checkTunnelInterface(final DeviceConfig config, final IpsecTunnel tunnel, final ConfigPath path,
                                             final Map<String, String> owner, final ErrorCollector errors) {
        final ConfigPath interfacePath = path.key("tunnel-interface");
        References.resolve(errors, interfacePath, tunnel.tunnelInterface(), config.interfaces().tunnel(),
                Section.TUNNEL_INTERFACES.path().toString());
        // Routes point at the interface; with two tunnels behind it the data plane could not choose.
        final String earlier = owner.putIfAbsent(tunnel.tunnelInterface(), tunnel.name());
        if (earlier != null) {
            errors.add(interfacePath, tunnel.tunnelInterface() + " is already used by ipsec-tunnels[" + earlier + "]");
        }
    }

    private static void checkAutoKey(final DeviceConfig config, final AutoKey auto, final ConfigPath path,
                                     final ErrorCollector errors) {
        final ConfigPath gatewaysPath = path.key("ike-gateway");
        if (auto.ikeGateway().isEmpty()) {
            errors.add(gatewaysPath, "must list at least one gateway");
        }
        final Map<IpAddress, String> peerOwner = new HashMap<>();
        for (int i = 0; i < auto.ikeGateway().size(); i++) {
            final ConfigPath gatewayPath = gatewaysPath.index(i);
            References.resolve(errors, gatewayPath, auto.ikeGateway().get(i), config.ikeGateways(),
                    Section.IKE_GATEWAYS.path().toString()).ifPresent(gateway -> {
                        if (gateway.peerAddress() instanceof PeerAddress.Ip(final IpAddress peer)) {
                            final String same = peerOwner.putIfAbsent(peer, gateway.name());
                            if (same != null) {
                                errors.add(gatewayPath, gateway.name() + " has the same peer address " + peer
                                        + " as " + same + " in this tunnel");
                            }
                        }
                    });
        }
        References.resolve(errors, path.key("ipsec-crypto-profile"), auto.ipsecCryptoProfile(),
                config.ipsecCryptoProfiles(), Section.IPSEC_CRYPTO_PROFILES.path().toString());
        checkProxyIds(auto.proxyId(), IpAddress.V4, path.key("proxy-id"), errors);
        checkProxyIds(auto.proxyIdV6(), IpAddress.V6, path.key("proxy-id-v6"), errors);
    }

    private static void checkProxyIds(final List<ProxyId> ids, final int family, final ConfigPath list,
                                      final ErrorCollector errors) {
        Section.each(ids, list, (id, path) -> {
            InterfaceRules.checkFamily(id.local(), family, path.key("local"), "", errors);
            InterfaceRules.checkFamily(id.remote(), family, path.key("remote"), "", errors);
            final ConfigPath protocolPath = path.key("protocol");
            switch (id.protocol()) {
                case ProxyId.Any _ -> {
                }
                case ProxyId.Number(final int number) ->
                        errors.checkRange(protocolPath.key("number"), PROTOCOL_NUMBER, number);
                case ProxyId.Ports ports -> {
                    final ConfigPath portsPath = protocolPath.key(ports.transport().configName());
                    errors.checkRange(portsPath.key("local-port"), PORT, ports.localPort());
                    errors.checkRange(portsPath.key("remote-port"), PORT, ports.remotePort());
                }
            }
        });
    }

    /** The outer address family, when the config pins it (an fqdn or dynamic peer does not). */
    static Optional<Integer> peerFamily(final DeviceConfig config, final Keying keying) {
        return switch (keying) {
            case ManualKey manual -> Optional.of(manual.peerAddress().family());
            case AutoKey auto -> auto.ikeGateway().stream().map(config::findIkeGateway).flatMap(Optional::stream)
                    .map(IkeGateway::peerAddress)
                    .flatMap(peer -> peer instanceof PeerAddress.Ip(final IpAddress ip)
                            ? Stream.of(ip.family()) : Stream.<Integer>empty())
                    .findFirst();
        };
    }

    private static void checkMonitor(final DeviceConfig config, final IpsecTunnel tunnel, final ConfigPath path,
                                     final ErrorCollector errors) {
        final TunnelMonitor monitor = tunnel.tunnelMonitor();
        if (!monitor.enable()) {
            return;
        }
        if (monitor.destinationIp().isEmpty()) {
            errors.add(path.key("destination-ip"), "is required when the tunnel monitor is enabled");
        }
        monitor.destinationIp().ifPresent(destination -> config.interfaces().tunnel().stream()
                .filter(t -> t.name().equals(tunnel.tunnelInterface())).findFirst()
                .filter(t -> !hasAddress(t, destination.family()))
                .ifPresent(t -> errors.add(path.key("destination-ip"), "probes need an " + IpAddress.familyName(destination.family())
                        + " address on " + t.name() + " to come from, it has none"
                        + (destination.family() == IpAddress.V6 ? " (anycast addresses are never a source)" : ""))));
        monitor.proxyId().ifPresent(name -> {
            switch (tunnel.keying()) {
                case AutoKey auto -> References.resolve(errors, path.key("proxy-id"), name, auto.allProxyIds(),
                        "this tunnel's proxy IDs");
                case ManualKey _ -> errors.add(path.key("proxy-id"), "a manual-key tunnel has no proxy IDs");
            }
        });
        References.resolve(errors, path.key("tunnel-monitor-profile"), monitor.tunnelMonitorProfile(),
                config.monitorProfiles(), Section.MONITOR_PROFILES.path().toString());
    }

    /** Whether the interface has an address to send probes of {@code family} from: installed, not anycast. */
    private static boolean hasAddress(final TunnelInterface tunnelInterface, final int family) {
        return family == IpAddress.V4 ? !tunnelInterface.ip().isEmpty()
                : tunnelInterface.ipv6().enabled() && tunnelInterface.ipv6().address().stream()
                        .anyMatch(a -> a.enableOnInterface() && !a.anycast());
    }
}
