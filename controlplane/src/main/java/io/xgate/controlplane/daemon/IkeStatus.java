package io.xgate.controlplane.daemon;

import io.xgate.controlplane.config.ConfigEnum;
import io.xgate.controlplane.config.DeviceConfig;
import io.xgate.controlplane.config.IkeCryptoProfile;
import io.xgate.controlplane.config.IkeGateway;
import io.xgate.controlplane.ike.sa.IkeSaRecord;
import io.xgate.controlplane.ike.session.IkeSession;
import io.xgate.dataplane.packet.IpAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The answers of {@code show vpn gateway} and {@code show vpn ike-sa}: each ike-gateway as configured, its IKE SA as
 * the engine has it — state named as the state machine names it, SPIs, who initiated, addresses and ports, NAT-T,
 * negotiated algorithms, age, child SAs — and its last failure line. Never a key. Control thread.
 */
final class IkeStatus {
    /** A gateway without an IKE SA, negotiating or not. */
    static final String DOWN = "down";

    record ChildSa(String name, String tunnel, String spiIn, String spiOut, String encryption, String authentication,
                   String encapsulation, long ageSeconds) {
    }

    record IkeSa(String state, String role, String spiInitiator, String spiResponder, String local, String peer,
                 String natT, String algorithms, long ageSeconds, List<ChildSa> childSas) {
    }

    /** @param ikeSa null when the gateway has none; @param lastFailure null when nothing failed since it was up */
    record Gateway(String name, String version, String local, String peer, String authentication,
                   String ikeCryptoProfile, String state, Map<String, List<String>> proposals, IkeSa ikeSa,
                   String lastFailure) {
    }

    private final AutoKeyTunnels autoKey;
    private final InstantSource clock;

    IkeStatus(final AutoKeyTunnels autoKey, final InstantSource clock) {
        this.autoKey = autoKey;
        this.clock = clock;
    }

    /** @param gateway one gateway, or null for all; {@code detail} adds the IKE crypto profile's proposals */
    List<Gateway> gateways(final DeviceConfig config, final String gateway, final boolean detail) {
        if (gateway != null && config.findIkeGateway(gateway).isEmpty()) {
            throw new IllegalArgumentException("no ike-gateway " + gateway);
        }
        return config.ikeGateways().stream().filter(g -> gateway == null || g.name().equals(gateway))
                .map(g -> gateway(config, g, detail)).toList();
    }

    /** The state word of a gateway: its IKE SA's state, or {@link #DOWN}. */
    String state(final String gateway) {
        return autoKey.session(gateway).map(s -> s.state().name()).orElse(DOWN);
    }

    /** Why a gateway carries no child SA: its IKE SA's state, and the last failure when there is one. */
    String whyNoChildSa(final String gateway) {
        return gateway + ": IKE SA " + state(gateway) + autoKey.lastFailure(gateway)
                .map(f -> "; last failure: " + f.explanation()).orElse("");
    }

    private Gateway gateway(final DeviceConfig config, final IkeGateway g, final boolean detail) {
        final String peer = switch (g.peerAddress()) {
            case IkeGateway.PeerAddress.Ip ip -> ip.ip().toString();
            case IkeGateway.PeerAddress.Fqdn fqdn -> fqdn.fqdn();
            case IkeGateway.PeerAddress.Dynamic dynamic -> "dynamic";
        };
        final String authentication = g.authentication() instanceof IkeGateway.Authentication.PreSharedKey
                ? "pre-shared-key" : "certificate";
        final Map<String, List<String>> proposals = new LinkedHashMap<>();
        if (detail) {
            final IkeCryptoProfile p = config.findIkeCryptoProfile(g.ikeCryptoProfile()).orElseThrow();
            proposals.put("encryption", names(p.encryption()));
            proposals.put("hash", names(p.hash()));
            proposals.put("dh-group", names(p.dhGroup()));
            proposals.put("lifetime", List.of(p.lifetime().value() + " " + p.lifetime().unit().configName()));
        }
        final boolean ikev1 = g.version() == IkeGateway.Version.IKEV1;
        return new Gateway(g.name(), g.version().configName(),
                g.localAddress().interfaceName() + g.localAddress().ip().map(ip -> " " + ip).orElse(""), peer,
                authentication, g.ikeCryptoProfile(), ikev1 ? "not negotiated: xgate speaks IKEv2 only"
                        : state(g.name()), proposals, autoKey.session(g.name()).map(this::ikeSa).orElse(null),
                autoKey.lastFailure(g.name()).map(f -> f.explanation() + " ("
                        + Duration.between(f.at(), clock.instant()).toSeconds() + "s ago)").orElse(null));
    }

    private IkeSa ikeSa(final IkeSession session) {
        final IkeSaRecord sa = session.sa();
        final List<ChildSa> children = autoKey.installed().stream()
                .filter(i -> i.child().gateway().name().equals(session.gateway().name()))
                .map(i -> new ChildSa(i.child().policy().name(), i.tunnel(),
                        "0x" + ManualKeyTunnels.hex(i.inbound().spi()), "0x" + ManualKeyTunnels.hex(i.outbound().spi()),
                        i.child().sa().suite().encryption().configName(),
                        i.child().sa().suite().integrity().configName(),
                        i.child().udpEncapsulated() ? "ESP in UDP " + i.child().udpSourcePort() + "->"
                                + i.child().udpDestinationPort() : "ESP",
                        Duration.between(i.since(), clock.instant()).toSeconds()))
                .toList();
        return new IkeSa(session.state().name(), sa.weInitiated() ? "initiator" : "responder",
                "%016x".formatted(sa.initiatorSpi()), "%016x".formatted(sa.responderSpi()), endpoint(sa.local()),
                endpoint(sa.remote()), sa.nat().toString(), sa.suite() == null ? "-" : sa.suite().toString(),
                TimeUnit.NANOSECONDS.toSeconds(session.ageNanos()), children);
    }

    /** {@code 192.0.2.1:500}, {@code [2001:db8::1]:500}: the port is never mistaken for a group of the address. */
    static String endpoint(final InetSocketAddress address) {
        final IpAddress host = IpAddress.of(address.getAddress());
        return (host.isV4() ? host.toString() : "[" + host + "]") + ":" + address.getPort();
    }

    private static List<String> names(final List<? extends ConfigEnum> values) {
        return values.stream().map(ConfigEnum::configName).toList();
    }
}
