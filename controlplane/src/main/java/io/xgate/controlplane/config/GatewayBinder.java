package io.xgate.controlplane.config;

import io.xgate.dataplane.packet.IpAddress;
import io.xgate.controlplane.config.IkeGateway.Authentication;
import io.xgate.controlplane.config.IkeGateway.PeerAddress;

import java.util.List;
import java.util.Optional;

/** Binds {@code ike-gateways}. */
final class GatewayBinder {
    private static final IpAddress NO_ADDRESS = IpAddress.v4(0);

    private final SecretReader secrets;

    GatewayBinder(final SecretReader secrets) {
        this.secrets = secrets;
    }

    IkeGateway bind(final Fields f) {
        final String name = f.name();
        final IkeGateway.Version version = f.get("protocol")
                .object(p -> p.get("version").choice(Choices.of(IkeGateway.Version.class), IkeGateway.Version.IKEV1));
        return new IkeGateway(name, version,
                f.require("local-address").object(GatewayBinder::localAddress),
                f.require("peer-address").object(GatewayBinder::peerAddress),
                f.require("authentication").object(this::authentication),
                Optional.ofNullable(f.get("local-id").object(p -> identity(p, false))),
                Optional.ofNullable(f.get("peer-id").object(p -> identity(p, true))),
                f.get("ike-crypto-profile").string(IkeCryptoProfile.DEFAULT_NAME),
                f.get("ikev2").object(GatewayBinder::ikev2),
                f.get("nat-traversal").object(GatewayBinder::natTraversal),
                f.get("fragmentation").object(p -> p.get("enable").bool(false)),
                f.get("passive-mode").bool(false));
    }

    static LocalAddress localAddress(final Fields f) {
        return new LocalAddress(f.require("interface").string(""),
                Optional.ofNullable(f.get("ip").parsed(IpAddress::parse, null)));
    }

    static IpAddress address(final Node node) {
        return node.parsed(IpAddress::parse, NO_ADDRESS);
    }

    private static PeerAddress peerAddress(final Fields f) {
        return f.oneOf(true, new PeerAddress.Ip(NO_ADDRESS), List.of(
                new Fields.Alternative<>("ip", n -> new PeerAddress.Ip(address(n))),
                new Fields.Alternative<>("fqdn", n -> new PeerAddress.Fqdn(n.string(""))),
                new Fields.Alternative<>("dynamic", GatewayBinder::dynamic)));
    }

    private static PeerAddress dynamic(final Node node) {
        if (!node.bool(true)) {
            node.errors().add(node.path(), "only 'dynamic: true' is meaningful; give ip or fqdn instead");
        }
        return PeerAddress.Dynamic.INSTANCE;
    }

    private Authentication authentication(final Fields f) {
        return f.oneOf(true, new Authentication.PreSharedKey(Secret.EMPTY), List.of(
                new Fields.Alternative<>("pre-shared-key",
                        n -> n.sensitiveObject(k -> new Authentication.PreSharedKey(secrets.requiredText(k)))),
                new Fields.Alternative<>("certificate", n -> n.object(GatewayBinder::certificate))));
    }

    private static Authentication certificate(final Fields f) {
        return new Authentication.Certificate(
                f.require("local-certificate").object(c -> c.require("name").string("")),
                InterfaceBinder.optionalString(f, "certificate-profile"),
                f.get("strict-validation-revocation").bool(false));
    }

    /** Null when absent; {@code matching} exists only on the peer side. */
    private static IkeGateway.Identity identity(final Fields f, final boolean peer) {
        if (f.isPlaceholder()) {
            return null;
        }
        final IkeGateway.IdType type = f.require("type").choice(Choices.of(IkeGateway.IdType.class),
                IkeGateway.IdType.FQDN);
        final String id = f.require("id").string("");
        final IkeGateway.Matching matching = peer
                ? f.get("matching").choice(Choices.of(IkeGateway.Matching.class), IkeGateway.Matching.EXACT)
                : IkeGateway.Matching.EXACT;
        return new IkeGateway.Identity(type, id, matching);
    }

    private static IkeGateway.Ikev2 ikev2(final Fields f) {
        final IkeGateway.Ikev2 d = IkeGateway.Ikev2.DEFAULT;
        final boolean requireCookie = f.get("require-cookie").bool(d.requireCookie());
        return f.get("dpd").object(dpd -> new IkeGateway.Ikev2(requireCookie, dpd.get("enable").bool(d.dpdEnabled()),
                dpd.get("interval").integer(d.dpdInterval())));
    }

    private static IkeGateway.NatTraversal natTraversal(final Fields f) {
        final IkeGateway.NatTraversal d = IkeGateway.NatTraversal.DEFAULT;
        return new IkeGateway.NatTraversal(f.get("enable").bool(d.enabled()),
                f.get("keep-alive-interval").integer(d.keepAliveInterval()),
                f.get("udp-checksum-enable").bool(d.udpChecksum()));
    }
}
