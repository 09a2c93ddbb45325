package io.xgate.controlplane.config;

import io.xgate.dataplane.packet.IpAddress;
import io.xgate.dataplane.packet.IpPrefix;
import io.xgate.dataplane.crypto.EncryptionAlgorithm;
import io.xgate.dataplane.crypto.IntegrityAlgorithm;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.xgate.controlplane.config.ConfigFixture.edited;
import static io.xgate.controlplane.config.ConfigFixture.errors;
import static io.xgate.controlplane.config.ConfigFixture.fullExample;
import static io.xgate.controlplane.config.ConfigFixture.valid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigLoaderTest {

    @Test
    void counterSlotsDefaultTo65536AndLoadAsWritten() {
        assertEquals(65_536, valid(fullExample()).device().counterSlots());
        assertEquals(1024, valid(fullExample().replace("cpu-list: [1, 2]", "cpu-list: [1, 2]\n  counter-slots: 1024"))
                .device().counterSlots());
    }

    @Test
    void fullExampleLoadsAsWritten() {
        final DeviceConfig config = valid(fullExample());

        assertEquals(new Device(2, List.of(1, 2), "/run/xgate/counters.dat", "/run/xgate/xgate.sock"), config.device());
        assertEquals(List.of("untrust", "trust", "vpn-corp"), config.zones().stream().map(Zone::name).toList());
        final TunnelInterface tunnel1 = config.interfaces().tunnel().getFirst();
        assertEquals(1400, tunnel1.mtu());
        assertEquals(List.of(IpPrefix.parse("198.18.255.1/32")), tunnel1.ip());
        final Ipv6Settings ipv6 = config.interfaces().tunnel().get(2).ipv6();
        assertTrue(ipv6.enabled());
        assertEquals("00:26:08:FF:FE:DE:4E:29", ipv6.interfaceId().toString());
        assertEquals(new Ipv6Settings.Ipv6Address(IpPrefix.parse("2001:db8:3::/64"), true, true, false),
                ipv6.address().getFirst());
        assertTrue(ipv6.address().get(1).anycast());

        final IpsecTunnel toB = config.findIpsecTunnel("to-b").orElseThrow();
        final AutoKey auto = assertInstanceOf(AutoKey.class, toB.keying());
        assertEquals(new ProxyId.Ports(ProxyId.Transport.TCP, 0, 443), auto.proxyId().get(1).protocol());
        assertEquals(new ProxyId.Number(58), auto.proxyIdV6().getFirst().protocol());
        assertEquals(new TunnelMonitor(true, Optional.of(IpAddress.parse("198.18.2.1")), Optional.of("p1"),
                "mp-failover"), toB.tunnelMonitor());

        final IkeGateway gwB = config.findIkeGateway("gw-b").orElseThrow();
        assertEquals(new IkeGateway.Authentication.PreSharedKey(Secret.of(ConfigFixture.PSK.getBytes(
                StandardCharsets.UTF_8))), gwB.authentication());
        assertEquals(new IkeGateway.Identity(IkeGateway.IdType.FQDN, "b.example", IkeGateway.Matching.EXACT),
                gwB.peerId().orElseThrow());
        assertEquals(new IkeGateway.PeerAddress.Ip(IpAddress.parse("192.0.2.2")), gwB.peerAddress());

        final IpsecCryptoProfile ahOnly = config.findIpsecCryptoProfile("ah-only").orElseThrow();
        assertEquals(new IpsecCryptoProfile.Ah(List.of(IntegrityAlgorithm.SHA256_128)), ahOnly.protocol());
        assertEquals(DhGroup.NO_PFS, ahOnly.dhGroup());
        assertEquals(1800, ahOnly.lifetime().toSeconds());
    }

    @Test
    void manualKeyMapsToDataPlaneAlgorithms() {
        final IpsecTunnel toC = valid(fullExample()).findIpsecTunnel("to-c").orElseThrow();
        final ManualKey manual = assertInstanceOf(ManualKey.class, toC.keying());

        assertEquals(new Spi(0x1001), manual.localSpi());
        assertEquals(new Spi(0x2001), manual.remoteSpi());
        assertEquals(new ManualKey.Esp(EncryptionAlgorithm.AES_128_GCM,
                Secret.of(HexFormat.of().parseHex(ConfigFixture.GCM_KEY_HEX)), IntegrityAlgorithm.NONE, Secret.EMPTY),
                manual.protection());
        assertEquals(8192, toC.antiReplayWindow());
        assertEquals(IpsecTunnel.EspInUdp.NEVER, toC.espInUdp());
    }

    @Test
    void absentFieldsTakeTheirDefaults() {
        final DeviceConfig config = valid(fullExample());

        final IpsecTunnel backup = config.findIpsecTunnel("to-b-backup").orElseThrow();
        assertTrue(backup.antiReplay());
        assertEquals(1024, backup.antiReplayWindow());
        assertFalse(backup.copyTos());
        assertFalse(backup.copyFlowLabel());
        assertEquals(IpsecTunnel.Mode.TUNNEL, backup.ipsecMode());
        assertFalse(backup.enableGreEncapsulation());
        assertEquals(IpsecTunnel.EspInUdp.AUTO, backup.espInUdp());
        assertEquals(TunnelMonitor.DISABLED, backup.tunnelMonitor());
        assertEquals("", backup.comment());
        final AutoKey auto = (AutoKey) backup.keying();
        assertEquals("default", auto.ipsecCryptoProfile());
        assertEquals(List.of(ProxyId.ROUTE_BASED), auto.effectiveProxyIds());
        assertEquals("0.0.0.0/0", ProxyId.ROUTE_BASED.local().toString());

        assertEquals(1500, config.interfaces().tunnel().get(1).mtu());
        assertEquals(Ipv6Settings.DISABLED, config.interfaces().tunnel().get(1).ipv6());
        assertEquals(10, config.virtualRouters().getFirst().staticRoutes().get(2).metric());

        final IkeGateway gateway = config.findIkeGateway("gw-b-backup").orElseThrow();
        assertEquals(IkeGateway.Ikev2.DEFAULT, gateway.ikev2());
        assertEquals(5, gateway.ikev2().dpdInterval());
        assertEquals(20, gateway.natTraversal().keepAliveInterval());
        assertEquals("default", gateway.ikeCryptoProfile());
        assertEquals(Optional.empty(), gateway.peerId());

        final MonitorProfile fast = config.findMonitorProfile("fast").orElseThrow();
        assertEquals(new MonitorProfile("fast", MonitorProfile.Action.WAIT_RECOVER, Duration.ofMillis(200), 5), fast);
        assertEquals(List.of(new TunnelGroup("branch-1", "to-b", "to-b-backup", Duration.ofSeconds(2))),
                config.tunnelGroups());
    }

    @Test
    void aTunnelGroupWithoutHoldDownHoldsForThreeSeconds() {
        assertEquals(TunnelGroup.DEFAULT_HOLD_DOWN,
                valid(edited("    hold-down: 2s\n", "")).tunnelGroups().getFirst().holdDown());
        assertEquals(Duration.ofMillis(500),
                valid(edited("hold-down: 2s", "hold-down: \"0.5s\"")).tunnelGroups().getFirst().holdDown());
    }

    @Test
    void gatewayWithoutProtocolDefaultsToIkev1AsPanOs() {
        final DeviceConfig config = valid(edited("    protocol: {version: ikev2}\n    local-address: {interface: "
                + "ethernet1/1}\n", "    local-address: {interface: ethernet1/1}\n"));

        assertEquals(IkeGateway.Version.IKEV1, config.findIkeGateway("gw-b-backup").orElseThrow().version());
    }

    @Test
    void predefinedProfilesExistWhenNotListed() {
        final DeviceConfig config = valid("");

        assertEquals(Device.DEFAULT, config.device());
        assertEquals(Optional.of(IkeCryptoProfile.DEFAULT), config.findIkeCryptoProfile("default"));
        assertEquals(Optional.of(IpsecCryptoProfile.DEFAULT), config.findIpsecCryptoProfile("default"));
        assertEquals(Optional.of(MonitorProfile.DEFAULT), config.findMonitorProfile("default"));
    }

    @Test
    void listedDefaultProfileReplacesThePredefinedOne() {
        final DeviceConfig config = valid(fullExample());

        assertEquals(1, config.ikeCryptoProfiles().stream().filter(p -> p.name().equals("default")).count());
        assertEquals(List.of(DhGroup.GROUP19, DhGroup.GROUP14),
                config.findIkeCryptoProfile("default").orElseThrow().dhGroup());
        assertEquals(MonitorProfile.DEFAULT, config.monitorProfiles().getLast());
    }

    @Test
    void explicitZonesReplaceDerivedOnes() {
        final DeviceConfig config = valid("zones: [{name: dmz}]\n");

        assertEquals(List.of(new Zone("dmz")), config.zones());
    }

    @Test
    void unknownKeyGetsTheClosestAllowedKey() {
        assertEquals(List.of("ipsec-tunnels[to-b].anti-replay-windw: unknown key, did you mean anti-replay-window?"),
                errors(edited("anti-replay-window: 1024", "anti-replay-windw: 1024")));
    }

    @Test
    void unknownKeyFarFromAnyListsTheAllowedKeys() {
        assertEquals(List.of("monitor-profiles[fast].colour: unknown key, expected one of: name, action, interval, "
                + "threshold"), errors(edited("interval: \"0.2s\"", "interval: \"0.2s\"\n    colour: red")));
    }

    @Test
    void wrongTypeNamesThePathAndTheTypes() {
        assertEquals(List.of("interfaces.tunnel[tunnel.1].mtu: expected an integer, got a string"),
                errors(edited("mtu: 1400", "mtu: big")));
    }

    @Test
    void yamlOneOneBooleansAreStrings() {
        assertEquals(List.of("ipsec-tunnels[to-b].copy-tos: expected true or false, got 'yes'"),
                errors(edited("copy-tos: false", "copy-tos: yes")));
    }

    @Test
    void unquotedSpiIsRejectedBecauseYamlReadsItAsDecimal() {
        assertEquals(List.of("ipsec-tunnels[to-c].manual-key.local-spi: expected a quoted hex string like "
                        + "\"00001001\" (unquoted digits are read as a decimal number)"),
                errors(edited("local-spi: \"00001001\"", "local-spi: 1001")));
    }

    @Test
    void misspeltChoiceSuggestsTheRightWord() {
        assertEquals(List.of("monitor-profiles[mp-failover].action: 'fail_over' is not one of wait-recover, "
                + "fail-over; did you mean fail-over?"), errors(edited("action: fail-over", "action: fail_over")));
    }

    @Test
    void badAddressSyntaxIsALoadError() {
        assertEquals(List.of("virtual-routers[default].static-routes[to-c].destination: not an IP address: "
                + "'198.18.3.256'"), errors(edited("198.18.3.0/24", "198.18.3.256/24")));
    }

    @Test
    void missingRequiredKeyIsReportedOnceWithoutFollowUpErrors() {
        assertEquals(List.of("ipsec-tunnels[to-b-backup].tunnel-interface: is required"),
                errors(edited("    tunnel-interface: tunnel.2\n", "")));
    }

    @Test
    void itemWithoutNameIsAddressedByIndex() {
        assertEquals(List.of("monitor-profiles[1].name: is required"), errors(edited("  - name: fast\n    interval:",
                "  - interval:")));
    }

    @Test
    void autoKeyAndManualKeyAreExclusive() {
        assertEquals(List.of("ipsec-tunnels[to-c]: only one of auto-key, manual-key is allowed, got auto-key and "
                        + "manual-key"),
                errors(edited("    tunnel-interface: tunnel.3\n", "    tunnel-interface: tunnel.3\n    auto-key: "
                        + "{ike-gateway: [gw-b]}\n")));
    }

    @Test
    void tunnelNeedsAutoKeyOrManualKey() {
        assertEquals(List.of("ipsec-tunnels[to-b-backup]: one of auto-key, manual-key is required"),
                errors(edited("    auto-key:\n      ike-gateway: [gw-b-backup]\n", "")));
    }

    @Test
    void loadAndValidationErrorsAreReportedTogether() {
        assertEquals(List.of(
                        "interfaces.tunnel[tunnel.1].mtu: expected an integer, got a string",
                        "ipsec-tunnels[to-b].anti-replay-windw: unknown key, did you mean anti-replay-window?",
                        "ike-gateways[gw-b].ikev2.dpd.interval: must be 2..100, got 1",
                        "monitor-profiles[mp-failover].threshold: must be 2..10, got 11"),
                errors(edited("mtu: 1400", "mtu: big", "anti-replay-window: 1024", "anti-replay-windw: 1024",
                        "interval: 5}}", "interval: 1}}", "threshold: 5", "threshold: 11")));
    }

    @Test
    void syntaxErrorGivesLineAndColumn() {
        final List<String> errors = errors("device:\n  workers: [1\n");

        assertEquals(1, errors.size());
        assertTrue(errors.getFirst().startsWith("test.yaml:3:1: not valid YAML: "), errors.getFirst());
    }

    @Test
    void documentThatIsNotAMapIsOneError() {
        assertEquals(List.of("(document): expected a map, got a list"), errors("- a\n- b\n"));
    }

    @Test
    void secretsComeFromFilesAndEnvironment() {
        final SecretSources sources = ConfigFixture.sources(Map.of("XGATE_PSK_B", ConfigFixture.PSK_B),
                Map.of("/etc/xgate/to-c.key", ConfigFixture.GCM_KEY_TEXT + "\n"));
        final LoadResult result = ConfigLoader.load(edited("key: \"" + ConfigFixture.GCM_KEY_TEXT + "\"",
                "key-file: /etc/xgate/to-c.key"), "file.yaml", sources);

        final DeviceConfig config = assertInstanceOf(LoadResult.Valid.class, result).config();
        assertEquals(new IkeGateway.Authentication.PreSharedKey(Secret.of(ConfigFixture.PSK_B.getBytes(
                StandardCharsets.UTF_8))), config.findIkeGateway("gw-b-backup").orElseThrow().authentication());
        final ManualKey manual = (ManualKey) config.findIpsecTunnel("to-c").orElseThrow().keying();
        assertEquals(20, ((ManualKey.Esp) manual.protection()).encryptionKey().length());
    }

    @Test
    void missingSecretSourcesAreNamed() {
        final LoadResult result = ConfigLoader.load(edited("key: \"" + ConfigFixture.GCM_KEY_TEXT + "\"",
                "key-file: /nowhere.key"), "file.yaml", ConfigFixture.sources(Map.of(), Map.of()));

        assertEquals(List.of(
                "ike-gateways[gw-b-backup].authentication.pre-shared-key.key-env: environment variable XGATE_PSK_B "
                        + "is not set",
                "ipsec-tunnels[to-c].manual-key.esp.encryption.key-file: cannot read key file /nowhere.key: "
                        + "NoSuchFileException"),
                result.errors().stream().map(ConfigError::toString).toList());
    }

    @Test
    void parseChecksTypesButNotMeaning() {
        final String yaml = edited("anti-replay-window: 1024", "anti-replay-window: 1000");

        assertInstanceOf(LoadResult.Valid.class, ConfigLoader.parse(yaml, "x.yaml", ConfigFixture.SOURCES));
        assertInstanceOf(LoadResult.Invalid.class, ConfigLoader.load(yaml, "x.yaml", ConfigFixture.SOURCES));
    }
}
