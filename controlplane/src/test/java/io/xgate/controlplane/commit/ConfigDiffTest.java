package io.xgate.controlplane.commit;

import io.xgate.controlplane.config.ConfigLoader;
import io.xgate.controlplane.config.DeviceConfig;
import io.xgate.controlplane.config.LoadResult;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.xgate.controlplane.commit.CommitFixture.example;
import static io.xgate.controlplane.commit.CommitFixture.exampleWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigDiffTest {
    /** A second tunnel on its own interface, with its own route and peer. */
    private static final String SECOND_TUNNEL = """
              - name: to-c
                tunnel-interface: tunnel.2
                manual-key:
                  local-address: {interface: ethernet1/1, ip: 192.0.2.1}
                  peer-address: {ip: 192.0.2.3}
                  local-spi: "00001002"
                  remote-spi: "00002002"
                  esp:
                    encryption: {algorithm: aes-128-gcm, key: "101112131415161718191a1b1c1d1e1f20212223"}
                    authentication: {algorithm: none}
            """;

    private static DeviceConfig config(final String yaml) {
        return switch (ConfigLoader.load(yaml, "test")) {
            case LoadResult.Valid(final DeviceConfig config) -> config;
            case LoadResult.Invalid invalid -> throw new AssertionError(invalid.errors());
        };
    }

    private static List<String> changes(final String before, final String after) {
        return ConfigDiff.between(config(before), config(after)).changes().stream().map(ObjectChange::toString)
                .toList();
    }

    @Test
    void sameConfigHasNoChanges() {
        assertTrue(ConfigDiff.between(config(example()), config(example())).isEmpty());
    }

    @Test
    void addingATunnelTouchesOnlyItsOwnObjects() {
        final String withSecond = exampleWith("mtu: 1400}", "mtu: 1400}\n    - {name: tunnel.2, zone: vpn, "
                + "virtual-router: default}")
                .replace("interface: tunnel.1}", "interface: tunnel.1}\n      - {name: to-c, destination: "
                        + "198.18.3.0/24, interface: tunnel.2}")
                + SECOND_TUNNEL;

        assertEquals(List.of("+ tunnel-interface tunnel.2", "+ static-route default/to-c", "+ ipsec-tunnel to-c"),
                changes(example(), withSecond));
    }

    @Test
    void changingOneTunnelsKeyChangesOnlyThatTunnel() {
        final String rekeyed = exampleWith("000102030405060708090a0b0c0d0e0f10111213",
                "ffeeddccbbaa99887766554433221100a0b0c0d0");

        assertEquals(List.of("~ ipsec-tunnel to-b"), changes(example(), rekeyed));
    }

    @Test
    void removalsComeFirstDependentsBeforeWhatTheyUse() {
        final String without = exampleWith("      - {name: to-b, destination: 198.18.2.0/24, interface: tunnel.1}\n",
                "").replace("ip: [198.18.1.1/24]}", "ip: [198.18.1.2/24]}");
        final String noTunnel = without.substring(0, without.indexOf("ipsec-tunnels:"));

        assertEquals(List.of("- ipsec-tunnel to-b", "- static-route default/to-b", "~ ethernet-interface ethernet1/2"),
                changes(example(), noTunnel));
    }

    @Test
    void summaryCountsByActionAndKind() {
        final String without = example().substring(0, example().indexOf("ipsec-tunnels:"));
        final ConfigChange change = ConfigDiff.between(config(without), config(example()));

        assertEquals("+1 ipsec-tunnel", change.summary());
        assertEquals("no changes", ConfigDiff.between(config(example()), config(example())).summary());
    }
}
