package io.xgate.controlplane.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static io.xgate.controlplane.config.ConfigFixture.edited;
import static io.xgate.controlplane.config.ConfigFixture.errors;
import static io.xgate.controlplane.config.ConfigFixture.fullExample;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** One case per validation rule: an edit of the valid full example and exactly the errors it must cause. */
class ConfigValidatorTest {

    private static final String SECOND_MANUAL_TUNNEL = """
              - name: to-d
                tunnel-interface: tunnel.4
                manual-key:
                  local-address: {interface: ethernet1/1}
                  peer-address: {ip: 192.0.2.4}
                  local-spi: "%s"
                  remote-spi: "%s"
                  ah: {algorithm: sha1, key: "000102030405060708090a0b0c0d0e0f10111213"}

            monitor-profiles:
            """;
    private static final String TUNNEL_4 = "  tunnel:\n    - {name: tunnel.4, ip: [198.18.255.9/32]}\n";

    record Case(String rule, List<String> edits, List<String> expected) {
        @Override
        public String toString() {
            return rule;
        }
    }

    private static Case rule(final String rule, final List<String> edits, final String... expected) {
        return new Case(rule, edits, List.of(expected));
    }

    static Stream<Case> rules() {
        return Stream.of(
                rule("anti-replay window is a power of two", List.of("anti-replay-window: 1024", "anti-replay-window: 1000"),
                        "ipsec-tunnels[to-b].anti-replay-window: must be one of 64..4096 powers of two, got 1000"),
                rule("anti-replay window stops at 65536", List.of("anti-replay-window: 8192", "anti-replay-window: 131072"),
                        "ipsec-tunnels[to-c].anti-replay-window: must be one of 64..4096 powers of two, got 131072"),
                rule("mtu range", List.of("mtu: 1400", "mtu: 9217"),
                        "interfaces.tunnel[tunnel.1].mtu: must be 576..9216, got 9217"),
                rule("dpd interval range", List.of("interval: 5}}", "interval: 1}}"),
                        "ike-gateways[gw-b].ikev2.dpd.interval: must be 2..100, got 1"),
                rule("keep-alive range", List.of("keep-alive-interval: 20", "keep-alive-interval: 3601"),
                        "ike-gateways[gw-b].nat-traversal.keep-alive-interval: must be 10..3600, got 3601"),
                rule("monitor threshold range", List.of("threshold: 5", "threshold: 1"),
                        "monitor-profiles[mp-failover].threshold: must be 2..10, got 1"),
                rule("monitor interval range", List.of("    interval: 3\n", "    interval: 101\n"),
                        "monitor-profiles[mp-failover].interval: must be 2..100 seconds or a sub-second interval "
                                + "from \"0.1s\", got 101s"),
                rule("sub-second monitor interval floor", List.of("\"0.2s\"", "\"0.05s\""),
                        "monitor-profiles[fast].interval: must be 2..100 seconds or a sub-second interval "
                                + "from \"0.1s\", got 0.05s"),
                rule("ike lifetime range per unit", List.of("lifetime: {days: 1}", "lifetime: {days: 366}"),
                        "ike-crypto-profiles[suite-b].lifetime.days: must be 1..365, got 366"),
                rule("ipsec lifetime minimum", List.of("lifetime: {minutes: 30}", "lifetime: {seconds: 179}"),
                        "ipsec-crypto-profiles[ah-only].lifetime.seconds: must be 180..65535, got 179"),
                rule("lifesize range", List.of("lifesize: {gb: 100}", "lifesize: {gb: 65536}"),
                        "ipsec-crypto-profiles[default].lifesize.gb: must be 1..65535, got 65536"),
                rule("authentication-multiple range", List.of("authentication-multiple: 0", "authentication-multiple: 51"),
                        "ike-crypto-profiles[default].authentication-multiple: must be 0..50, got 51"),
                rule("ike profile needs a dh group", List.of("dh-group: [group20]", "dh-group: [no-pfs]"),
                        "ike-crypto-profiles[suite-b].dh-group: no-pfs applies to IPsec crypto profiles only: IKE "
                                + "needs a group"),
                rule("profile lists are not empty", List.of("hash: [sha384]", "hash: []"),
                        "ike-crypto-profiles[suite-b].hash: must list at least one"),
                rule("ah does not offer none", List.of("ah: {authentication: [sha256]}", "ah: {authentication: [none]}"),
                        "ipsec-crypto-profiles[ah-only].ah.authentication: AH cannot offer none: it only authenticates"),
                rule("workers at least one", List.of("workers: 2\n  cpu-list: [1, 2]", "workers: 0"),
                        "device.workers: must be at least 1, got 0"),
                rule("one cpu per worker", List.of("cpu-list: [1, 2]", "cpu-list: [1]"),
                        "device.cpu-list: must list one CPU per worker (2), got 1"),
                rule("cpus distinct", List.of("cpu-list: [1, 2]", "cpu-list: [1, 1]"),
                        "device.cpu-list[1]: CPU 1 is listed twice: each worker needs its own"),
                rule("counter slots at least enough for ports and a few tunnels",
                        List.of("cpu-list: [1, 2]", "cpu-list: [1, 2]\n  counter-slots: 1023"),
                        "device.counter-slots: must be 1024 to 1048576 (each SA direction takes 24 slots of 640 B), got "
                                + "1023"),
                rule("counter slots at most a mappable file",
                        List.of("cpu-list: [1, 2]", "cpu-list: [1, 2]\n  counter-slots: 1048577"),
                        "device.counter-slots: must be 1024 to 1048576 (each SA direction takes 24 slots of 640 B), "
                                + "got 1048577"),
                rule("names unique per kind", List.of("name: fast", "name: mp-failover"),
                        "monitor-profiles[mp-failover]: duplicate name 'mp-failover' (items 0 and 1)"),
                rule("monitor profile name length", List.of("name: fast", "name: fast-" + "x".repeat(27)),
                        "monitor-profiles[fast-" + "x".repeat(27) + "].name: must be 1..31 characters, got 32"),
                rule("name characters", List.of("name: fast", "name: \"fa:st\""),
                        "monitor-profiles[fa:st].name: must start with a letter or digit and hold only letters, "
                                + "digits, '.', '_', '-', '/' and spaces, got 'fa:st'"),
                rule("tunnel and proxy-id name together within 63", List.of("name: p2\n", "name: " + "q".repeat(59)
                                + "\n"),
                        "ipsec-tunnels[to-b].auto-key.proxy-id[" + "q".repeat(59) + "].name: must be 1..31 characters, "
                                + "got 59",
                        "ipsec-tunnels[to-b].auto-key.proxy-id[" + "q".repeat(59) + "].name: tunnel and proxy-id name "
                                + "'to-b:" + "q".repeat(59) + "' must be at most 63 characters, got 64"),
                rule("proxy-id names shared by v4 and v6", List.of("{name: p6,", "{name: p1,"),
                        "ipsec-tunnels[to-b].auto-key.proxy-id-v6[p1].name: 'p1' is already a name in proxy-id"),
                rule("tunnel interface is tunnel.N", List.of("  tunnel:\n", "  tunnel:\n    - name: tunnel.0\n"),
                        "interfaces.tunnel[tunnel.0].name: must be tunnel.N with N in 1..9999, got 'tunnel.0'"),
                rule("linux device name", List.of("device: lan0", "device: lan/0"),
                        "interfaces.ethernet[ethernet1/2].device: must be a Linux interface name (1..15 characters, "
                                + "no '/', ':' or blanks), got 'lan/0'"),
                rule("device bound once", List.of("device: lan0", "device: wan0"),
                        "interfaces.ethernet[ethernet1/2].device: wan0 is already bound to ethernet1/1"),
                rule("tunnel interface ip is IPv4", List.of("ip: [198.18.255.5/32]", "ip: [\"2001:db8::5/128\"]"),
                        "interfaces.tunnel[tunnel.2].ip[0]: must be an IPv4 prefix, got 2001:db8::5/128; IPv6 "
                                + "addresses go under ipv6.address"),
                rule("interface id host portion needs /64", List.of("2001:db8:3::/64", "2001:db8:3::/48"),
                        "interfaces.tunnel[tunnel.3].ipv6.address[2001:db8:3::/48].prefix: using the interface ID as "
                                + "host portion needs a /64, got /48"),
                rule("zone reference", List.of("device:\n", "zones: [{name: trust}, {name: untrust}, {name: vpn-corp}]"
                                + "\ndevice:\n", "device: wan0\n      zone: untrust", "device: wan0\n      zone: untrst"),
                        "interfaces.ethernet[ethernet1/1].zone: 'untrst' is not defined in zones, did you mean "
                                + "untrust?"),
                rule("explicit zones list is authoritative", List.of("device:\n", "zones: [{name: trust}, {name: "
                                + "untrust}]\ndevice:\n"),
                        "interfaces.tunnel[tunnel.1].zone: 'vpn-corp' is not defined in zones, expected one of: trust, "
                                + "untrust",
                        "interfaces.tunnel[tunnel.2].zone: 'vpn-corp' is not defined in zones, expected one of: trust, "
                                + "untrust",
                        "interfaces.tunnel[tunnel.3].zone: 'vpn-corp' is not defined in zones, expected one of: trust, "
                                + "untrust"),
                rule("virtual router reference", List.of("lan0\n      zone: trust\n      virtual-router: default",
                                "lan0\n      zone: trust\n      virtual-router: defalt"),
                        "interfaces.ethernet[ethernet1/2].virtual-router: 'defalt' is not defined in virtual-routers, "
                                + "did you mean default?"),
                rule("route interface exists", List.of("interface: tunnel.3}", "interface: tunnel.7}"),
                        "virtual-routers[default].static-routes[to-c].interface: 'tunnel.7' is not defined in "
                                + "interfaces, did you mean tunnel.1?"),
                rule("route destination without host bits", List.of("198.18.3.0/24", "198.18.3.1/24"),
                        "virtual-routers[default].static-routes[to-c].destination: 198.18.3.1/24 has host bits set, "
                                + "did you mean 198.18.3.0/24?"),
                rule("route next hop family", List.of("ip-address: 192.0.2.254", "ip-address: \"2001:db8::fe\""),
                        "virtual-routers[default].static-routes[internet].nexthop.ip-address: must be an IPv4 "
                                + "address like the destination, got 2001:db8::fe"),
                rule("route metric range", List.of("metric: 20", "metric: 0"),
                        "virtual-routers[default].static-routes[to-b-backup].metric: must be 1..65535, got 0"),
                rule("route interface in the same virtual router",
                        List.of("      virtual-router: default\n      ip: [198.18.255.5/32]",
                                "      virtual-router: other\n      ip: [198.18.255.5/32]",
                                "ike-crypto-profiles:", "  - name: other\nike-crypto-profiles:"),
                        "virtual-routers[default].static-routes[to-b-backup].interface: tunnel.2 belongs to virtual "
                                + "router other, not default"),
                rule("gateway crypto profile reference", List.of("ike-crypto-profile: default", "ike-crypto-profile: "
                                + "defualt"),
                        "ike-gateways[gw-b].ike-crypto-profile: 'defualt' is not defined in ike-crypto-profiles, did "
                                + "you mean default?"),
                rule("gateway local ip is the port's", List.of("ethernet1/1, ip: 192.0.2.1}\n    peer-address: {ip: "
                                + "192.0.2.2}", "ethernet1/1, ip: 192.0.2.9}\n    peer-address: {ip: 192.0.2.2}"),
                        "ike-gateways[gw-b].local-address.ip: 192.0.2.9 is not an address of ethernet1/1 "
                                + "[192.0.2.1/24]"),
                rule("gateway local interface is ethernet", List.of("local-address: {interface: ethernet1/1}\n",
                                "local-address: {interface: tunnel.1}\n"),
                        "ike-gateways[gw-b-backup].local-address.interface: must be an ethernet interface, tunnel.1 "
                                + "is a tunnel interface"),
                rule("gateway peer family", List.of("peer-address: {ip: 192.0.2.2}", "peer-address: {ip: "
                                + "\"2001:db8::2\"}"),
                        "ike-gateways[gw-b].peer-address.ip: must be an IPv4 address like the local address, got "
                                + "2001:db8::2"),
                rule("pre-shared key length", List.of("key: \"" + ConfigFixture.PSK + "\"", "key: \"\""),
                        "ike-gateways[gw-b].authentication.pre-shared-key: must be 1..255 characters, got 0"),
                rule("ipaddr identity is an address", List.of("local-id: {type: fqdn", "local-id: {type: ipaddr"),
                        "ike-gateways[gw-b].local-id.id: type ipaddr needs an IP address: not an IP address: "
                                + "'a.example'"),
                rule("wildcard only for names", List.of("{type: fqdn, id: b.example, matching: exact}",
                                "{type: keyid, id: b.example, matching: wildcard}"),
                        "ike-gateways[gw-b].peer-id.matching: wildcard matching applies to fqdn and ufqdn identities "
                                + "only"),
                rule("tunnel interface reference", List.of("tunnel-interface: tunnel.2", "tunnel-interface: "
                                + "ethernet1/2"),
                        "ipsec-tunnels[to-b-backup].tunnel-interface: 'ethernet1/2' is not defined in "
                                + "interfaces.tunnel, expected one of: tunnel.1, tunnel.2, tunnel.3"),
                rule("tunnel interface bound once", List.of("tunnel-interface: tunnel.2", "tunnel-interface: tunnel.1"),
                        "ipsec-tunnels[to-b-backup].tunnel-interface: tunnel.1 is already used by ipsec-tunnels[to-b]"),
                rule("auto-key lists a gateway", List.of("ike-gateway: [gw-b-backup]", "ike-gateway: []"),
                        "ipsec-tunnels[to-b-backup].auto-key.ike-gateway: must list at least one gateway"),
                rule("auto-key gateway reference", List.of("ike-gateway: [gw-b-backup]", "ike-gateway: [gw-x]"),
                        "ipsec-tunnels[to-b-backup].auto-key.ike-gateway[0]: 'gw-x' is not defined in ike-gateways, "
                                + "did you mean gw-b?"),
                rule("peer addresses unique per tunnel", List.of("ike-gateway: [gw-b]", "ike-gateway: [gw-b, "
                                + "gw-b-backup]", "peer-address: {ip: 192.0.2.3}", "peer-address: {ip: 192.0.2.2}"),
                        "ipsec-tunnels[to-b].auto-key.ike-gateway[1]: gw-b-backup has the same peer address 192.0.2.2 "
                                + "as gw-b in this tunnel"),
                rule("ipsec crypto profile reference", List.of("ipsec-crypto-profile: default", "ipsec-crypto-profile: "
                                + "ah-onl"),
                        "ipsec-tunnels[to-b].auto-key.ipsec-crypto-profile: 'ah-onl' is not defined in "
                                + "ipsec-crypto-profiles, did you mean ah-only?"),
                rule("proxy-id-v6 holds IPv6", List.of("local: \"2001:db8:1::/64\"", "local: 198.18.1.0/24"),
                        "ipsec-tunnels[to-b].auto-key.proxy-id-v6[p6].local: must be an IPv6 prefix, got "
                                + "198.18.1.0/24"),
                rule("proxy-id holds IPv4", List.of("remote: 198.18.2.0/24\n          protocol: any",
                                "remote: \"2001:db8::/32\"\n          protocol: any"),
                        "ipsec-tunnels[to-b].auto-key.proxy-id[p1].remote: must be an IPv4 prefix, got 2001:db8::/32"),
                rule("proxy-id protocol number", List.of("{number: 58}", "{number: 255}"),
                        "ipsec-tunnels[to-b].auto-key.proxy-id-v6[p6].protocol.number: must be 1..254, got 255"),
                rule("proxy-id port range", List.of("remote-port: 443", "remote-port: 65536"),
                        "ipsec-tunnels[to-b].auto-key.proxy-id[p2].protocol.tcp.remote-port: must be 0..65535, got "
                                + "65536"),
                rule("copy-flow-label needs IPv6 outer", List.of("copy-flow-label: false", "copy-flow-label: true"),
                        "ipsec-tunnels[to-b].copy-flow-label: applies to IPv6-in-IPv6 only, the peer is IPv4"),
                rule("monitor destination needs an address on the tunnel interface",
                        List.of("ip: [198.18.255.1/32]", "ip: []"),
                        "ipsec-tunnels[to-b].tunnel-monitor.destination-ip: probes need an IPv4 address on tunnel.1 "
                                + "to come from, it has none"),
                rule("an IPv6 monitor needs a non-anycast IPv6 address on the tunnel interface",
                        List.of("          - {name: \"2001:db8:3::/64\", prefix: true}\n", "",
                                "    anti-replay-window: 8192\n", "    anti-replay-window: 8192\n    tunnel-monitor: "
                                        + "{enable: true, destination-ip: \"2001:db8:ff::9\", tunnel-monitor-profile: fast}\n"),
                        "ipsec-tunnels[to-c].tunnel-monitor.destination-ip: probes need an IPv6 address on tunnel.3 "
                                + "to come from, it has none (anycast addresses are never a source)"),
                rule("monitor destination required", List.of("      destination-ip: 198.18.2.1\n", ""),
                        "ipsec-tunnels[to-b].tunnel-monitor.destination-ip: is required when the tunnel monitor is "
                                + "enabled"),
                rule("monitor proxy-id reference", List.of("      proxy-id: p1\n", "      proxy-id: p3\n"),
                        "ipsec-tunnels[to-b].tunnel-monitor.proxy-id: 'p3' is not defined in this tunnel's proxy IDs, "
                                + "did you mean p1?"),
                rule("monitor profile reference", List.of("tunnel-monitor-profile: mp-failover",
                                "tunnel-monitor-profile: mp-failovr"),
                        "ipsec-tunnels[to-b].tunnel-monitor.tunnel-monitor-profile: 'mp-failovr' is not defined in "
                                + "monitor-profiles, did you mean mp-failover?"),
                rule("manual SPI lower bound", List.of("local-spi: \"00001001\"", "local-spi: \"00000FFF\""),
                        "ipsec-tunnels[to-c].manual-key.local-spi: must be within 00001000..1FFFFFFF, got 00000FFF"),
                rule("manual SPI upper bound", List.of("remote-spi: \"00002001\"", "remote-spi: \"20000000\""),
                        "ipsec-tunnels[to-c].manual-key.remote-spi: must be within 00001000..1FFFFFFF, got 20000000"),
                rule("outbound SPI unique per peer", List.of("  tunnel:\n", TUNNEL_4, "\nmonitor-profiles:\n",
                                "\n" + SECOND_MANUAL_TUNNEL.formatted("00001001", "00002002")),
                        "ipsec-tunnels[to-d].manual-key.local-spi: SPI 00001001 to peer 192.0.2.4 is already used by "
                                + "ipsec-tunnels[to-c]"),
                rule("inbound SPI unique", List.of("  tunnel:\n", TUNNEL_4, "\nmonitor-profiles:\n",
                                "\n" + SECOND_MANUAL_TUNNEL.formatted("00001002", "00002001")),
                        "ipsec-tunnels[to-d].manual-key.remote-spi: inbound SPI 00002001 is already used by "
                                + "ipsec-tunnels[to-c]"),
                rule("GCM key carries a 4-byte salt", List.of(ConfigFixture.GCM_KEY_TEXT, "00112233445566778899aabbccddeeff"),
                        "ipsec-tunnels[to-c].manual-key.esp.encryption.key: aes-128-gcm needs a 20-byte key (salt "
                                + "included), got 16 bytes"),
                rule("CBC and HMAC key lengths", List.of("algorithm: aes-128-gcm", "algorithm: 3des",
                                "{algorithm: none}", "{algorithm: sha256, key: \"00112233\"}"),
                        "ipsec-tunnels[to-c].manual-key.esp.encryption.key: 3des needs a 24-byte key, got 20 bytes",
                        "ipsec-tunnels[to-c].manual-key.esp.authentication.key: sha256 needs a 32-byte key, got 4 bytes"),
                rule("GCM only with authentication none", List.of("{algorithm: none}", "{algorithm: sha1, key: "
                                + "\"000102030405060708090a0b0c0d0e0f10111213\"}"),
                        "ipsec-tunnels[to-c].manual-key.esp.authentication.algorithm: must be none with aes-128-gcm, "
                                + "which authenticates by itself"),
                rule("null encryption needs authentication", List.of("{algorithm: aes-128-gcm, key: \""
                                + ConfigFixture.GCM_KEY_TEXT + "\"}", "{algorithm: null}"),
                        "ipsec-tunnels[to-c].manual-key.esp.authentication.algorithm: must not be none with null "
                                + "encryption: the SA would not protect anything"),
                rule("unknown manual encryption algorithm is the only error", List.of("algorithm: aes-128-gcm,",
                                "algorithm: aes-128-gcmx,"),
                        "ipsec-tunnels[to-c].manual-key.esp.encryption.algorithm: 'aes-128-gcmx' is not one of "
                                + "aes-128-gcm, aes-192-gcm, aes-256-gcm, aes-128-cbc, aes-192-cbc, aes-256-cbc, 3des, "
                                + "des, null; did you mean aes-128-gcm?"),
                rule("unknown manual authentication algorithm is the only error", List.of("{algorithm: none}",
                                "{algorithm: sha257, key: \"00\"}"),
                        "ipsec-tunnels[to-c].manual-key.esp.authentication.algorithm: 'sha257' is not one of none, "
                                + "md5, sha1, sha256, sha384, sha512; did you mean sha256?"),
                rule("unknown AH algorithm is the only error", List.of("esp:\n        encryption: {algorithm: "
                                + "aes-128-gcm, key: \"" + ConfigFixture.GCM_KEY_TEXT + "\"}\n        authentication: "
                                + "{algorithm: none}", "ah: {algorithm: sha256x, key: \"00\"}"),
                        "ipsec-tunnels[to-c].manual-key.ah.algorithm: 'sha256x' is not one of none, md5, sha1, "
                                + "sha256, sha384, sha512; did you mean sha256?"),
                rule("manual local address on its port", List.of("local-address: {interface: ethernet1/1, ip: "
                                + "192.0.2.1}\n      peer-address: {ip: 192.0.2.4}", "local-address: {interface: "
                                + "ethernet1/2, ip: 192.0.2.1}\n      peer-address: {ip: 192.0.2.4}"),
                        "ipsec-tunnels[to-c].manual-key.local-address.ip: 192.0.2.1 is not an address of ethernet1/2 "
                                + "[198.18.1.1/24]"),
                rule("group members exist", List.of("secondary: to-b-backup", "secondary: to-b-bakup"),
                        "tunnel-groups[branch-1].secondary: 'to-b-bakup' is not defined in ipsec-tunnels, did you "
                                + "mean to-b-backup?"),
                rule("group members differ", List.of("secondary: to-b-backup", "secondary: to-b"),
                        "tunnel-groups[branch-1].secondary: must differ from the primary to-b"),
                rule("tunnel in one group only", List.of("    hold-down: 2s\n", "    hold-down: 2s\n"
                                + "  - {name: branch-2, primary: to-b, secondary: to-c}\n"),
                        "tunnel-groups[branch-2].primary: to-b is already in tunnel-groups[branch-1]"),
                rule("group primary is monitored", List.of("primary: to-b\n", "primary: to-c\n"),
                        "tunnel-groups[branch-1].primary: to-c needs tunnel-monitor enabled: without it the group "
                                + "cannot tell that the primary is down"),
                rule("hold-down range", List.of("hold-down: 2s", "hold-down: 601s"),
                        "tunnel-groups[branch-1].hold-down: must be at most 600s, got 601s"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void reportsExactlyTheBrokenRule(final Case c) {
        assertEquals(c.expected(), errors(edited(c.edits().toArray(String[]::new))));
    }

    @Test
    void fullExampleIsValid() {
        assertEquals(List.of(), errors(fullExample()));
    }

    @Test
    void anEui64InterfaceIdNeedsAnEthernetPortToTakeItsMacFrom() {
        final String tunnelOnly = """
                interfaces:
                  tunnel:
                    - name: tunnel.1
                      ipv6: {enabled: true, address: [{name: "2001:db8:1::/64", prefix: true}]}
                """;
        assertEquals(List.of("interfaces.tunnel[tunnel.1].ipv6.interface-id: EUI-64 is derived from an ethernet "
                + "port's MAC and there is no ethernet port; give the interface ID as eight hex octets"),
                errors(tunnelOnly));
        assertEquals(List.of(), errors(tunnelOnly.replace("enabled: true,",
                "enabled: true, interface-id: \"00:26:08:FF:FE:DE:4E:29\",")));
    }

    @Test
    void validatesProgrammaticConfigs() {
        final DeviceConfig config = ConfigFixture.valid(fullExample());
        final DeviceConfig broken = new DeviceConfig(new Device(0, List.of(), "/c", "/s"), config.interfaces(),
                config.zones(), config.virtualRouters(), config.ikeCryptoProfiles(), config.ipsecCryptoProfiles(),
                config.ikeGateways(), config.ipsecTunnels(), config.monitorProfiles(), config.tunnelGroups(),
                config.certificates(), config.certificateProfiles());

        assertEquals(List.of(new ConfigError("device.workers", "must be at least 1, got 0")),
                ConfigValidator.validate(broken));
    }
}
