package io.xgate.controlplane.config;

import io.xgate.dataplane.packet.IpAddress;
import io.xgate.dataplane.crypto.EncryptionAlgorithm;
import io.xgate.dataplane.crypto.IntegrityAlgorithm;

import java.util.List;
import java.util.Optional;

/** Binds {@code ipsec-tunnels}: keying (auto or manual), proxy IDs, replay and encapsulation settings, monitor. */
final class TunnelBinder {
    private static final Choices<EncryptionAlgorithm> ENCRYPTION =
            Choices.of(EncryptionAlgorithm.values(), EncryptionAlgorithm::configName);
    private static final Spi NO_SPI = new Spi(0);
    private static final AutoKey NO_KEYING = new AutoKey(List.of(), IpsecCryptoProfile.DEFAULT_NAME, List.of(),
            List.of());

    private final SecretReader secrets;

    TunnelBinder(final SecretReader secrets) {
        this.secrets = secrets;
    }

    IpsecTunnel bind(final Fields f) {
        final String name = f.name();
        final String tunnelInterface = f.require("tunnel-interface").string("");
        final Keying keying = f.oneOf(true, NO_KEYING, List.of(
                new Fields.Alternative<Keying>("auto-key", n -> n.object(this::autoKey)),
                new Fields.Alternative<Keying>("manual-key", n -> n.object(this::manualKey))));
        return new IpsecTunnel(name, tunnelInterface, keying,
                f.get("anti-replay").bool(true),
                f.get("anti-replay-window").integer(IpsecTunnel.DEFAULT_ANTI_REPLAY_WINDOW),
                f.get("copy-tos").bool(false),
                f.get("copy-flow-label").bool(false),
                f.get("ipsec-mode").choice(Choices.of(IpsecTunnel.Mode.class), IpsecTunnel.Mode.TUNNEL),
                f.get("enable-gre-encapsulation").bool(false),
                f.get("esp-in-udp").choice(Choices.of(IpsecTunnel.EspInUdp.class), IpsecTunnel.EspInUdp.AUTO),
                f.get("tunnel-monitor").object(TunnelBinder::tunnelMonitor),
                f.get("disabled").bool(false),
                f.get("comment").string(""));
    }

    private AutoKey autoKey(final Fields f) {
        return new AutoKey(f.require("ike-gateway").list(n -> n.string("")),
                f.get("ipsec-crypto-profile").string(IpsecCryptoProfile.DEFAULT_NAME),
                f.get("proxy-id").namedList(TunnelBinder::proxyId),
                f.get("proxy-id-v6").namedList(TunnelBinder::proxyId));
    }

    private static ProxyId proxyId(final Fields f) {
        return new ProxyId(f.name(), InterfaceBinder.prefix(f.require("local")),
                InterfaceBinder.prefix(f.require("remote")), protocol(f.get("protocol")));
    }

    /** {@code any}, {@code {number: N}}, {@code {tcp: {local-port, remote-port}}} or {@code {udp: ...}}. */
    private static ProxyId.Protocol protocol(final Node node) {
        if (!node.isMap()) {
            if (node.isPresent() && !"any".equals(node.string("any"))) {
                node.errors().add(node.path(), "expected any, {number: N}, {tcp: {...}} or {udp: {...}}");
            }
            return ProxyId.Any.INSTANCE;
        }
        return node.object(f -> f.oneOf(true, ProxyId.Any.INSTANCE, List.of(
                new Fields.Alternative<ProxyId.Protocol>("number", n -> new ProxyId.Number(n.integer(0))),
                ports("tcp", ProxyId.Transport.TCP),
                ports("udp", ProxyId.Transport.UDP))));
    }

    private static Fields.Alternative<ProxyId.Protocol> ports(final String key, final ProxyId.Transport transport) {
        return new Fields.Alternative<>(key, n -> n.object(p -> new ProxyId.Ports(transport,
                p.get("local-port").integer(0), p.get("remote-port").integer(0))));
    }

    private ManualKey manualKey(final Fields f) {
        final LocalAddress local = f.require("local-address").object(GatewayBinder::localAddress);
        final IpAddress peer = f.require("peer-address").object(p -> GatewayBinder.address(p.require("ip")));
        final Spi localSpi = spi(f.require("local-spi"));
        final Spi remoteSpi = spi(f.require("remote-spi"));
        final ManualKey.Protection protection = f.oneOf(true, new ManualKey.Ah(IntegrityAlgorithm.NONE, Secret.EMPTY),
                List.of(new Fields.Alternative<>("esp", n -> n.object(this::manualEsp)),
                        new Fields.Alternative<>("ah", n -> n.sensitiveObject(this::manualAh))));
        return new ManualKey(local, peer, localSpi, remoteSpi, protection);
    }

    /** Quoted hex only: YAML reads an unquoted 00001001 as the decimal number 1001. */
    private static Spi spi(final Node node) {
        if (node.isPresent() && !node.isString()) {
            node.errors().add(node.path(), "expected a quoted hex string like \"00001001\" "
                    + "(unquoted digits are read as a decimal number)");
            return NO_SPI;
        }
        return node.parsed(Spi::parse, NO_SPI);
    }

    /**
     * An unknown algorithm leaves its key unchecked (its length depends on the algorithm) and, for encryption,
     * also the authentication algorithm, whose pairing rules depend on the encryption's.
     */
    private ManualKey.Protection manualEsp(final Fields f) {
        final record Keyed<A>(Optional<A> algorithm, Secret key) {
        }
        final ConfigPath encryptionPath = f.path().key("encryption");
        final ConfigPath authenticationPath = f.path().key("authentication");
        final Keyed<EncryptionAlgorithm> encryption = f.require("encryption").sensitiveObject(e -> new Keyed<>(
                e.requireWord("algorithm").choice(ENCRYPTION), secrets.optionalHexKey(e)));
        final Keyed<IntegrityAlgorithm> authentication = f.require("authentication").sensitiveObject(a -> new Keyed<>(
                a.require("algorithm").choice(CryptoProfileBinder.AUTHENTICATION), secrets.optionalHexKey(a)));
        if (encryption.algorithm().isEmpty()) {
            f.errors().markBroken(encryptionPath);
            f.errors().markBroken(authenticationPath.key("algorithm"));
        }
        if (authentication.algorithm().isEmpty()) {
            f.errors().markBroken(authenticationPath);
        }
        return new ManualKey.Esp(encryption.algorithm().orElse(EncryptionAlgorithm.NULL), encryption.key(),
                authentication.algorithm().orElse(IntegrityAlgorithm.NONE), authentication.key());
    }

    private ManualKey.Protection manualAh(final Fields f) {
        final Optional<IntegrityAlgorithm> algorithm = f.require("algorithm").choice(CryptoProfileBinder.AUTHENTICATION);
        if (algorithm.isEmpty()) {
            f.errors().markBroken(f.path());
        }
        return new ManualKey.Ah(algorithm.orElse(IntegrityAlgorithm.NONE), secrets.optionalHexKey(f));
    }

    private static TunnelMonitor tunnelMonitor(final Fields f) {
        final TunnelMonitor d = TunnelMonitor.DISABLED;
        return new TunnelMonitor(f.get("enable").bool(d.enable()),
                Optional.ofNullable(f.get("destination-ip").parsed(IpAddress::parse, null)),
                InterfaceBinder.optionalString(f, "proxy-id"),
                f.get("tunnel-monitor-profile").string(d.tunnelMonitorProfile()));
    }
}
