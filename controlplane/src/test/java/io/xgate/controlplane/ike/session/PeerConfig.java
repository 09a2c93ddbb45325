package io.xgate.controlplane.ike.session;

import io.xgate.controlplane.config.ConfigLoader;
import io.xgate.controlplane.config.DeviceConfig;
import io.xgate.controlplane.config.LoadResult;
import io.xgate.controlplane.ike.policy.GatewayPolicy;
import io.xgate.controlplane.ike.policy.IkePolicies;

import java.util.List;

/**
 * The YAML of one side of a test tunnel, side A at 192.0.2.1 (hosts 198.18.1.0/24) and side B at 192.0.2.2
 * (198.18.2.0/24), with the knobs the exchange tests turn. Built through the real config loader and validator,
 * so the engine sees exactly what the daemon would.
 */
record PeerConfig(boolean sideA, String ikeProfile, String espProfile, String psk, String localId, String peerId,
                  List<String> proxyIds, boolean passive, boolean cookie, boolean natTraversal) {

    static final String IKE_GCM = "{dh-group: [group19], encryption: [aes-256-gcm], hash: [sha256], lifetime: {hours: 8}}";
    static final String ESP_GCM = "{esp: {encryption: [aes-128-gcm], authentication: [none]}, dh-group: group19, lifetime: {hours: 1}}";

    static PeerConfig a() {
        return new PeerConfig(true, IKE_GCM, ESP_GCM, "secret", "a.example", "b.example",
            List.of("{name: p1, local: 198.18.1.0/24, remote: 198.18.2.0/24}",
                "{name: p2, local: 198.18.11.0/24, remote: 198.18.12.0/24}"), false, false, true);
    }

    /** The mirror of {@link #a()}, passive. */
    static PeerConfig b() {
        return new PeerConfig(false, IKE_GCM, ESP_GCM, "secret", "b.example", "a.example",
            List.of("{name: p1, local: 198.18.2.0/24, remote: 198.18.1.0/24}",
                "{name: p2, local: 198.18.12.0/24, remote: 198.18.11.0/24}"), true, false, true);
    }

    PeerConfig ike(final String profile) {
        return new PeerConfig(sideA, profile, espProfile, psk, localId, peerId, proxyIds, passive, cookie, natTraversal);
    }

    PeerConfig esp(final String profile) {
        return new PeerConfig(sideA, ikeProfile, profile, psk, localId, peerId, proxyIds, passive, cookie, natTraversal);
    }

    PeerConfig psk(final String key) {
        return new PeerConfig(sideA, ikeProfile, espProfile, key, localId, peerId, proxyIds, passive, cookie, natTraversal);
    }

    PeerConfig peerId(final String id) {
        return new PeerConfig(sideA, ikeProfile, espProfile, psk, localId, id, proxyIds, passive, cookie, natTraversal);
    }

    PeerConfig proxyIds(final String... ids) {
        return new PeerConfig(sideA, ikeProfile, espProfile, psk, localId, peerId, List.of(ids), passive, cookie,
            natTraversal);
    }

    PeerConfig requireCookie() {
        return new PeerConfig(sideA, ikeProfile, espProfile, psk, localId, peerId, proxyIds, passive, true, natTraversal);
    }

    String yaml() {
        final String own = sideA ? "1" : "2";
        final String other = sideA ? "2" : "1";
        return """
            interfaces:
              ethernet:
                - {name: ethernet1/1, device: wan0, zone: untrust, virtual-router: default, ip: [192.0.2.%s/24]}
                - {name: ethernet1/2, device: lan0, zone: trust, virtual-router: default, ip: [198.18.%s.1/24]}
              tunnel:
                - {name: tunnel.1, zone: vpn, virtual-router: default}
            virtual-routers:
              - name: default
            ike-crypto-profiles:
              - {name: ike, %s
            ipsec-crypto-profiles:
              - {name: esp, %s
            ike-gateways:
              - name: gw
                protocol: {version: ikev2}
                local-address: {interface: ethernet1/1, ip: 192.0.2.%s}
                peer-address: {ip: 192.0.2.%s}
                authentication: {pre-shared-key: {key: "%s"}}
                local-id: {type: fqdn, id: %s}
                peer-id: {type: fqdn, id: "%s", matching: %s}
                ike-crypto-profile: ike
                ikev2: {require-cookie: %s}
                nat-traversal: {enable: %s}
                passive-mode: %s
            ipsec-tunnels:
              - name: to-peer
                tunnel-interface: tunnel.1
                auto-key:
                  ike-gateway: [gw]
                  ipsec-crypto-profile: esp
                  proxy-id: [%s]
            """.formatted(own, own, ikeProfile.substring(1), espProfile.substring(1), own, other, psk, localId, peerId,
            peerId.contains("*") ? "wildcard" : "exact", cookie, natTraversal, passive, String.join(", ", proxyIds));
    }

    List<GatewayPolicy> policies() {
        return policies(yaml());
    }

    /** This side with {@code fragmentation: {enable: true}} on its gateway. */
    List<GatewayPolicy> fragmenting() {
        return policies(yaml().replace("    passive-mode:", "    fragmentation: {enable: true}\n    passive-mode:"));
    }

    private static List<GatewayPolicy> policies(final String yaml) {
        final LoadResult result = ConfigLoader.load(yaml, "test.yaml");
        if (!(result instanceof LoadResult.Valid valid)) {
            throw new IllegalArgumentException("test config invalid: " + result.errors() + "\n" + yaml);
        }
        final DeviceConfig config = valid.config();
        return IkePolicies.of(config);
    }
}
