package io.xgate.controlplane.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The crypto presets exist in every config, validate like user profiles, and a user profile may replace one. */
class CryptoPresetsTest {
    private static final List<String> NAMES = List.of(CryptoPresets.PALO_ALTO, CryptoPresets.CISCO_ASA,
            CryptoPresets.CISCO_ISR, CryptoPresets.STRONGSWAN, CryptoPresets.GENERIC);

    @Test
    void everyPresetIsAnIkeAndAnIpsecProfileOfAnEmptyConfigThatValidates() {
        final DeviceConfig config = assertInstanceOf(LoadResult.Valid.class, ConfigLoader.load("", "empty")).config();
        for (final String name : NAMES) {
            assertEquals(name, config.findIkeCryptoProfile(name).orElseThrow().name());
            assertEquals(name, config.findIpsecCryptoProfile(name).orElseThrow().name());
        }
        final ErrorCollector errors = new ErrorCollector();
        new CryptoProfileRules().check(config, errors);
        assertEquals(List.of(), errors.errors(), "presets pass the rules user profiles pass");
    }

    @Test
    void aGatewayAndATunnelReferToPresetsByName() {
        final LoadResult result = ConfigLoader.load("""
                interfaces:
                  ethernet:
                    - {name: ethernet1/1, device: wan0, ip: [192.0.2.1/24]}
                  tunnel:
                    - {name: tunnel.1}
                ike-gateways:
                  - name: branch
                    protocol: {version: ikev2}
                    local-address: {interface: ethernet1/1}
                    peer-address: {ip: 192.0.2.2}
                    authentication: {pre-shared-key: {key: "not-a-real-secret"}}
                    ike-crypto-profile: preset-strongswan
                ipsec-tunnels:
                  - name: to-branch
                    tunnel-interface: tunnel.1
                    auto-key: {ike-gateway: [branch], ipsec-crypto-profile: preset-strongswan}
                """, "branch.yaml");
        assertEquals(List.of(), result.errors());
    }

    @Test
    void aUserProfileOfThePresetsNameReplacesIt() {
        final DeviceConfig config = assertInstanceOf(LoadResult.Valid.class, ConfigLoader.load("""
                ike-crypto-profiles:
                  - {name: preset-generic, dh-group: [group20], encryption: [aes-256-gcm], hash: [non-auth]}
                """, "own.yaml")).config();
        assertEquals(List.of(DhGroup.GROUP20), config.findIkeCryptoProfile("preset-generic").orElseThrow().dhGroup());
        assertEquals(1, config.ikeCryptoProfiles().stream().filter(p -> p.name().equals("preset-generic")).count());
    }
}
