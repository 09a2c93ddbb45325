package io.xgate.bench.ike;

import io.xgate.controlplane.config.ConfigLoader;
import io.xgate.controlplane.config.IkeGateway;
import io.xgate.controlplane.config.LoadResult;
import io.xgate.controlplane.config.ProxyId;
import io.xgate.controlplane.ike.policy.ChildPolicy;
import io.xgate.controlplane.ike.policy.GatewayPolicy;
import io.xgate.controlplane.ike.policy.IkePolicies;
import io.xgate.dataplane.packet.IpAddress;
import io.xgate.dataplane.packet.IpPrefix;
import java.util.List;
import java.util.Optional;

/**
 * The initiator side's gateways, as an xgate config would have them: one template gateway (toward the responder,
 * PSK, {@link SetupCrypto}'s suite, no DPD, NAT-T on as both responders have it) loaded and validated like any
 * config, then one copy per IKE SA, each with an identity ({@code i<n>.bench.example}) and an inner address
 * (the {@code n}-th of 198.19.0.0/16, its child SA's local selector) of its own.
 */
final class InitiatorPolicies {
    /** 198.19.0.0/16 minus its network and broadcast addresses. */
    static final int MAX = 65_534;
    private static final int INNER_BASE = IpPrefix.parse(SetupCrypto.INITIATOR_INNER).address().v4();

    private final GatewayPolicy template;

    private InitiatorPolicies(final GatewayPolicy template) {
        this.template = template;
    }

    static InitiatorPolicies toward(final String device, final String local, final String responder, final String psk) {
        final String yaml = """
                interfaces:
                  ethernet:
                    - {name: ethernet1/1, device: %1$s, zone: untrust, virtual-router: default, ip: [%2$s/24]}
                  tunnel:
                    - {name: tunnel.1, zone: vpn, virtual-router: default}
                virtual-routers:
                  - name: default
                %3$s\
                ike-gateways:
                  - name: i0
                    protocol: {version: ikev2}
                    local-address: {interface: ethernet1/1, ip: %2$s}
                    peer-address: {ip: %4$s}
                    authentication: {pre-shared-key: {key: "%5$s"}}
                    local-id: {type: fqdn, id: i0.%6$s}
                    peer-id: {type: fqdn, id: %7$s}
                    ike-crypto-profile: ike
                    nat-traversal: {enable: true}
                    ikev2: {dpd: {enable: false}}
                ipsec-tunnels:
                  - name: bench
                    tunnel-interface: tunnel.1
                    auto-key:
                      ike-gateway: [i0]
                      ipsec-crypto-profile: esp
                      proxy-id:
                        - {name: p, local: %8$s, remote: %9$s}
                """.formatted(device, local, SetupCrypto.XGATE_PROFILES, responder, psk,
                SetupCrypto.INITIATOR_ID_DOMAIN, SetupCrypto.RESPONDER_ID, SetupCrypto.INITIATOR_INNER,
                SetupCrypto.PROTECTED);
        return switch (ConfigLoader.load(yaml, "ike-setup initiator")) {
            case LoadResult.Valid valid -> new InitiatorPolicies(IkePolicies.of(valid.config()).getFirst());
            case LoadResult.Invalid invalid -> throw new IllegalStateException("the initiator's config is invalid: "
                    + invalid.errors());
        };
    }

    /** Initiator {@code n} (0 ≤ n < {@link #MAX}): the template with its own name, identity and inner address. */
    GatewayPolicy policy(final int n) {
        if (n < 0 || n >= MAX) {
            throw new IllegalArgumentException("initiator " + n + " outside 0.." + (MAX - 1));
        }
        final IkeGateway g = template.gateway();
        final IkeGateway gateway = new IkeGateway("i" + n, g.version(), g.localAddress(), g.peerAddress(),
                g.authentication(), Optional.of(new IkeGateway.Identity(IkeGateway.IdType.FQDN,
                "i" + n + "." + SetupCrypto.INITIATOR_ID_DOMAIN, IkeGateway.Matching.EXACT)), g.peerId(),
                g.ikeCryptoProfile(), g.ikev2(), g.natTraversal(), g.fragmentation(), g.passiveMode());
        final ChildPolicy child = template.children().getFirst();
        final ProxyId proxyId = child.proxyId();
        final ProxyId own = new ProxyId(proxyId.name(), new IpPrefix(IpAddress.v4(INNER_BASE + n + 1), 32),
                proxyId.remote(), proxyId.protocol());
        return new GatewayPolicy(gateway, template.ikeProfile(), template.localAddress(), template.peerAddress(),
                template.authenticator(), List.of(new ChildPolicy(child.tunnel(), own, child.profile())));
    }

    IpAddress localAddress() {
        return template.localAddress();
    }
}
