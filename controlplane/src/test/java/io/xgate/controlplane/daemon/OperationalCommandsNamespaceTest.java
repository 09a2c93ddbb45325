package io.xgate.controlplane.daemon;

import static io.xgate.controlplane.daemon.TwoGatewayLab.HOST_B;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.xgate.controlplane.cli.XgateCli;
import io.xgate.controlplane.daemon.TwoGatewayLab.Side;
import io.xgate.dataplane.crypto.EncryptionAlgorithm;
import io.xgate.dataplane.crypto.IntegrityAlgorithm;
import io.xgate.dataplane.packet.IpAddress;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * The admin's commands against two running gateways ({@link TwoGatewayLab}) joined by a live AES-GCM manual-key
 * tunnel: every {@code show} command's table (exact where nothing counts, the columns and values otherwise), its
 * {@code --json} parsing, gw-a's tunnel.1 answering ping6 on its EUI-64 address (interface ID from ethernet1/1's MAC), commits that add and remove a second tunnel while the first keeps counting, a commit that
 * fails half-way (the counters file runs full) changing nothing, and no key in any output or log. Needs root.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class OperationalCommandsNamespaceTest {
    private static final LabSuite GCM = LabSuite.esp("aes-128-gcm", EncryptionAlgorithm.AES_128_GCM,
            IntegrityAlgorithm.NONE, false);
    private static final String HOST_B_SECOND = "198.18.3.10";
    /** gw-a's tunnel.1 takes its host portion in here from the interface ID; gw-b routes it into its tunnel.1. */
    private static final String TUNNEL_A6_PREFIX = "2001:db8:ff:1::/64";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int COUNTER_SLOTS_A = 1024;

    private TwoGatewayLab lab;
    /** Everything the CLI printed in this class, searched for keys at the end. */
    private final StringBuilder printed = new StringBuilder();

    @BeforeAll
    void startTunnel() throws Exception {
        lab = new TwoGatewayLab();
        lab.startGateways(config(Side.A), config(Side.B));
        lab.in(lab.hostNamespace(Side.A), "ping", "-c", "3", "-i", "0.2", HOST_B);
    }

    @AfterAll
    void removeTopology() throws IOException {
        lab.close();
    }

    @Test
    @Order(1)
    void everyShowCommandPrintsAnAlignedTableAndParsableJson() throws Exception {
        assertEquals(List.of("TUNNEL INTERFACE TYPE PEER STATE MONITOR",
                "to-peer tunnel.1 manual-key 192.0.2.2 up -"), rows(show(Side.A, "show", "vpn", "tunnel")));
        assertEquals(List.of("VIRTUAL-ROUTER DESTINATION TYPE INTERFACE NEXT-HOP METRIC ADJACENCY",
                "default 192.0.2.0/24 connected ethernet1/1 - 0 port ethernet1/1, hosts resolved on demand",
                "default 198.18.1.0/24 connected ethernet1/2 - 0 port ethernet1/2, hosts resolved on demand",
                "default 2001:db8:1::/64 connected ethernet1/2 - 0 port ethernet1/2, hosts resolved on demand",
                "default 198.18.2.0/24 static tunnel.1 - 10 tunnel tunnel.1",
                "default 2001:db8:2::/64 static tunnel.1 - 10 tunnel tunnel.1"),
                rows(show(Side.A, "show", "routing", "route")));
        assertEquals("GATEWAY  VERSION  LOCAL  PEER  AUTHENTICATION  IKE-CRYPTO-PROFILE  STATE\n",
                show(Side.A, "show", "vpn", "gateway"), "no auto-key gateways in the lab config");
        assertEquals("GATEWAY  PEER  VERSION  STATE  PROPOSALS\n", show(Side.A, "show", "vpn", "ike-sa", "detail"));

        final List<String> sa = rows(show(Side.A, "show", "vpn", "ipsec-sa"));
        assertEquals("TUNNEL PEER SPI-IN SPI-OUT PROTO ENCRYPTION AUTH MODE AGE SEQ-OUT REPLAY(WINDOW/HIGHEST) "
                + "IN(PKTS/BYTES) OUT(PKTS/BYTES)", sa.get(0));
        assertTrue(Pattern.matches("to-peer 192\\.0\\.2\\.2 0x00002001 0x00001001 ESP aes-128-gcm none tunnel \\d+s "
                + "[1-9]\\d* 1024/[1-9]\\d* [1-9]\\d*/[1-9]\\d* [1-9]\\d*/[1-9]\\d*", sa.get(1)), sa.get(1));

        final List<String> flow = rows(show(Side.A, "show", "vpn", "flow", "tunnel", "to-peer"));
        assertEquals("TUNNEL INTERFACE ENCAP-PKTS ENCAP-BYTES DECAP-PKTS DECAP-BYTES DROPS", flow.get(0));
        assertTrue(Pattern.matches("to-peer tunnel\\.1 [1-9]\\d* [1-9]\\d* [1-9]\\d* [1-9]\\d* none", flow.get(1)),
                flow.get(1));

        final String interfaces = show(Side.A, "show", "interface");
        assertTrue(Pattern.compile("^ethernet1/1 +" + lab.device(Side.A, false)
                + " +WAN +(NATIVE|GENERIC) +COPY +0 +[1-9]", Pattern.MULTILINE).matcher(interfaces).find(), interfaces);
        assertTrue(rows(interfaces).containsAll(List.of("TUNNEL-INTERFACE ADDRESSES MTU VIRTUAL-ROUTER STATE",
                "tunnel.1 198.18.255.1/32," + tunnelA6() + "/64 1400 default up")), interfaces);

        final String counters = show(Side.A, "show", "counters");
        assertTrue(counters.startsWith("GROUP") && counters.contains("tunnel tunnel.1") && !counters.contains(" 0\n"),
                "only non-zero counters:\n" + counters);

        for (final List<String> command : List.of(List.of("show", "vpn", "ipsec-sa"), List.of("show", "vpn", "flow"),
                List.of("show", "vpn", "tunnel"), List.of("show", "vpn", "gateway"), List.of("show", "vpn", "ike-sa"),
                List.of("show", "interface"), List.of("show", "routing", "route"), List.of("show", "counters"))) {
            final List<String> json = new ArrayList<>(command);
            json.add("--json");
            final JsonNode parsed = JSON.readTree(show(Side.A, json.toArray(String[]::new)));
            assertTrue(parsed.isObject() && parsed.size() > 0, command + ": " + parsed);
        }
        assertEquals("0x00002001", JSON.readTree(show(Side.A, "show", "vpn", "ipsec-sa", "--json"))
                .path("sas").path(0).path("spiIn").asText());
    }

    @Test
    @Order(2)
    void theTunnelInterfaceAnswersPing6OnItsEui64Address() throws Exception {
        final String address = tunnelA6();
        final String ping = lab.in(lab.hostNamespace(Side.B), "ping", "-6", "-c", "3", "-i", "0.2", "-W", "2",
                address);
        assertTrue(ping.contains("3 received") && ping.contains("from " + address), ping);
        final JsonNode tunnel = JSON.readTree(show(Side.A, "show", "interface", "--json")).path("tunnels").path(0);
        assertEquals(address + "/64", tunnel.path("addresses").path(1).asText(), tunnel.toString());
        assertEquals(0, tunnel.path("anycast").size(), tunnel.toString());
    }

    @Test
    @Order(3)
    void xgateStatReadsTheCountersFileWithoutTheDaemon() throws Exception {
        final String stat = show(Side.A, "stat", lab.countersFile(Side.A).toString(), "--once");
        assertTrue(stat.startsWith("ID") && stat.contains("tunnel tunnel.1") && stat.contains("packets-out"), stat);
        aligned(stat);
    }

    @Test
    @Order(4)
    void aCommittedSecondTunnelCarriesTrafficWhileTheFirstKeepsCountingAndItsRemovalTakesItAway() throws Exception {
        lab.in(lab.hostNamespace(Side.B), "ip", "addr", "add", HOST_B_SECOND + "/32", "dev", lab.hostDevice(Side.B));
        final long firstBefore = encapPackets(Side.A, "to-peer");
        commit(Side.A, withSecondTunnel(Side.A));
        commit(Side.B, withSecondTunnel(Side.B));

        final String ping = lab.in(lab.hostNamespace(Side.A), "ping", "-c", "3", "-i", "0.2", "-W", "2",
                HOST_B_SECOND);
        assertTrue(ping.contains("3 received"), ping);
        assertTrue(encapPackets(Side.A, "to-peer-2") >= 3, "the second tunnel carried the pings");
        lab.in(lab.hostNamespace(Side.A), "ping", "-c", "2", "-i", "0.2", HOST_B);
        assertTrue(encapPackets(Side.A, "to-peer") >= firstBefore + 2, "the first tunnel's counters kept counting");
        assertTrue(show(Side.A, "show", "vpn", "ipsec-sa", "tunnel", "to-peer-2").contains("0x00002002"));

        commit(Side.A, config(Side.A));
        assertFalse(show(Side.A, "show", "vpn", "tunnel").contains("to-peer-2"));
        assertFalse(show(Side.A, "show", "routing", "route").contains("198.18.3.0/24"));
        assertThrows(IOException.class, () -> lab.in(lab.hostNamespace(Side.A), "ping", "-c", "1", "-W", "1",
                HOST_B_SECOND), "no route for the removed tunnel's network");
        lab.in(lab.hostNamespace(Side.A), "ping", "-c", "1", "-W", "2", HOST_B);
    }

    @Test
    @Order(5)
    void aCommitThatFailsHalfWayChangesNothing() throws Exception {
        final String routes = show(Side.A, "show", "routing", "route");
        final String sas = rows(show(Side.A, "show", "vpn", "ipsec-sa")).get(1).replaceAll(" \\d+s .*", "");
        final String history = show(Side.A, "config", "history");
        final int counters = rows(show(Side.A, "stat", lab.countersFile(Side.A).toString(), "--once")).size();

        // Valid, but 70 more tunnels need more counter slots than gw-a's 1024: the apply fails part-way.
        final Path config = lab.dir().resolve("too-many.yaml");
        Files.writeString(config, withManyTunnels(config(Side.A), 70));
        assertEquals(0, cli(Side.A, "config", "load", config.toString()));
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(1, XgateCli.run(List.of("commit"), env(Side.A), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8)));
        final String error = err.toString(StandardCharsets.UTF_8);
        assertTrue(error.contains("counters file is full") && error.contains("raise device.counter-slots (takes a "
                + "restart), " + COUNTER_SLOTS_A + " now") && error.contains("the previous config is restored"), error);

        assertEquals(routes, show(Side.A, "show", "routing", "route"));
        assertEquals(sas, rows(show(Side.A, "show", "vpn", "ipsec-sa")).get(1).replaceAll(" \\d+s .*", ""));
        assertEquals(history, show(Side.A, "config", "history"));
        assertEquals(counters, rows(show(Side.A, "stat", lab.countersFile(Side.A).toString(), "--once")).size(),
                "every counter slot the failed commit took is free again");
        lab.in(lab.hostNamespace(Side.A), "ping", "-c", "1", "-W", "2", HOST_B);
    }

    @Test
    @Order(6)
    void clearReinstallsTheManualKeySasAndIkeCommandsRefuseAnUnknownGateway() throws Exception {
        assertTrue(show(Side.A, "clear", "vpn", "ipsec-sa", "tunnel", "to-peer").contains("reinstalled"));
        assertTrue(show(Side.B, "test", "vpn", "ipsec-sa", "tunnel", "to-peer").contains("reinstalled"));
        assertTrue(rows(show(Side.A, "show", "vpn", "ipsec-sa")).get(1).contains(" 0 1024/0 "),
                "sequence numbers and replay window start over");
        lab.in(lab.hostNamespace(Side.A), "ping", "-c", "1", "-W", "2", HOST_B);
        assertEquals(1, cli(Side.A, "test", "vpn", "ike-sa", "gateway", "nowhere"));
    }

    @Test
    @Order(7)
    void noKeyInAnyOutputOrLog() throws IOException {
        final List<String> keys = List.of(HexFormat.of().formatHex(GCM.encryptionKey()));
        final String logs = Files.readString(lab.log(Side.A)) + Files.readString(lab.log(Side.B));
        for (final String key : keys) {
            assertFalse(printed.toString().toLowerCase().contains(key.substring(0, 16)), "a key in the CLI output");
            assertFalse(logs.toLowerCase().contains(key.substring(0, 16)), "a key in a daemon's log");
        }
        assertTrue(printed.length() > 1000 && logs.contains("management API on"));
    }

    /**
     * The lab's config, and IPv6 on gw-a's tunnel.1 with the default interface ID (EUI-64) as host portion of
     * {@link #TUNNEL_A6_PREFIX}, which gw-b routes into its tunnel.1; gw-a's counters file is the smallest allowed.
     */
    private String config(final Side side) {
        final String lab = GCM.config(this.lab, side);
        return side == Side.A
                ? lab.replace("mtu: 1400}\n", "mtu: 1400,\n        ipv6: {enabled: true, address: [{name: \""
                        + TUNNEL_A6_PREFIX + "\", prefix: true}]}}\n")
                        .replace("  workers: 1\n", "  workers: 1\n  counter-slots: " + COUNTER_SLOTS_A + "\n")
                : lab.replace("    static-routes:\n", "    static-routes:\n      - {name: gw-a-tunnel, destination: \""
                        + TUNNEL_A6_PREFIX + "\", interface: tunnel.1}\n");
    }

    /**
     * gw-a's tunnel.1 IPv6 address, worked out here from ethernet1/1's MAC per RFC 4291 appendix A (U/L bit
     * inverted, FF:FE inserted).
     */
    private String tunnelA6() throws IOException {
        final byte[] mac = HexFormat.ofDelimiter(":").parseHex(lab.in(lab.gatewayNamespace(Side.A), "cat",
                "/sys/class/net/" + lab.device(Side.A, false) + "/address").trim());
        return IpAddress.parse(TUNNEL_A6_PREFIX.replace("::/64", ":%x:%x:%x:%x".formatted(
                ((mac[0] ^ 0x02) & 0xFF) << 8 | mac[1] & 0xFF, (mac[2] & 0xFF) << 8 | 0xFF,
                0xFE00 | mac[3] & 0xFF, (mac[4] & 0xFF) << 8 | mac[5] & 0xFF))).toString();
    }

    /** The second tunnel on {@code side}: tunnel.2, SPIs 0x1002/0x2002, gw-a routes 198.18.3.0/24 into it. */
    private String withSecondTunnel(final Side side) {
        final boolean a = side == Side.A;
        final String route = a ? "      - {name: second, destination: 198.18.3.0/24, interface: tunnel.2}\n"
                : "      - {name: second-host, destination: 198.18.3.0/24, interface: ethernet1/2, nexthop: "
                        + "{ip-address: " + HOST_B + "}}\n";
        return withTunnel(config(side), 2, a ? 0x1002 : 0x2002, a ? 0x2002 : 0x1002, side, route);
    }

    private String withManyTunnels(final String yaml, final int count) {
        String out = yaml;
        for (int i = 0; i < count; i++) {
            out = withTunnel(out, 10 + i, 0x3000 + i, 0x4000 + i, Side.A, "");
        }
        return out;
    }

    /** {@code yaml} plus tunnel.N and an ipsec tunnel on it (the key of the first), and {@code route}. */
    private String withTunnel(final String yaml, final int n, final int localSpi, final int remoteSpi, final Side side,
                              final String route) {
        final String local = side == Side.A ? "1" : "2";
        final String remote = side == Side.A ? "2" : "1";
        final String key = HexFormat.of().formatHex(GCM.encryptionKey());
        return yaml.replace("  tunnel:\n", "  tunnel:\n    - {name: tunnel.%d, zone: vpn, virtual-router: default, mtu: 1400}\n"
                        .formatted(n))
                .replace("    static-routes:\n", "    static-routes:\n" + route)
                + """
                  - name: to-peer-%d
                    tunnel-interface: tunnel.%d
                    manual-key:
                      local-address: {interface: ethernet1/1, ip: 192.0.2.%s}
                      peer-address: {ip: 192.0.2.%s}
                      local-spi: "%08x"
                      remote-spi: "%08x"
                      esp:
                        encryption: {algorithm: aes-128-gcm, key: "%s"}
                        authentication: {algorithm: none}
                """.formatted(n, n, local, remote, localSpi, remoteSpi, key);
    }

    private long encapPackets(final Side side, final String tunnel) throws Exception {
        return JSON.readTree(show(side, "show", "vpn", "flow", "tunnel", tunnel, "--json"))
                .path("flows").path(0).path("encap").path("packets").asLong();
    }

    private void commit(final Side side, final String yaml) throws Exception {
        final Path file = lab.dir().resolve("commit-" + side + ".yaml");
        Files.writeString(file, yaml);
        assertEquals(0, cli(side, "config", "load", file.toString()));
        assertTrue(show(side, "commit", "-m", "test").startsWith("committed version"));
    }

    /** Runs the CLI against {@code side}'s daemon; returns stdout, failing on a non-zero exit. */
    private String show(final Side side, final String... args) throws Exception {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        final int exit = XgateCli.run(List.of(args), env(side), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        final String text = out.toString(StandardCharsets.UTF_8);
        printed.append(text).append(err.toString(StandardCharsets.UTF_8));
        assertEquals(0, exit, String.join(" ", args) + ": " + err.toString(StandardCharsets.UTF_8));
        if (!List.of(args).contains("--json") && (args[0].equals("show") || args[0].equals("stat"))) {
            aligned(text);
        }
        return text;
    }

    private int cli(final Side side, final String... args) {
        final ByteArrayOutputStream all = new ByteArrayOutputStream();
        final PrintStream stream = new PrintStream(all, true, StandardCharsets.UTF_8);
        final int exit = XgateCli.run(List.of(args), env(side), stream, stream);
        printed.append(all.toString(StandardCharsets.UTF_8));
        return exit;
    }

    private Map<String, String> env(final Side side) {
        return Map.of("XGATE_SOCKET", lab.socket(side).toString());
    }

    /** Rows with cells joined by one space, the header first. */
    private static List<String> rows(final String table) {
        return table.lines().map(l -> l.trim().replaceAll(" {2,}", " ")).toList();
    }

    /** Every cell of every table starts at its header's column. */
    private static void aligned(final String output) {
        List<Integer> columns = null;
        for (final String line : output.split("\n", -1)) {
            if (line.isEmpty()) {
                columns = null;
                continue;
            }
            if (columns == null) {
                columns = new ArrayList<>();
                for (int i = 0; i < line.length(); i++) {
                    if (line.charAt(i) != ' ' && (i == 0 || line.charAt(i - 1) == ' ')) {
                        columns.add(i);
                    }
                }
                continue;
            }
            for (final int column : columns) {
                assertTrue(column == 0 || line.length() <= column || line.charAt(column - 1) == ' ',
                        "misaligned at column " + column + ":\n" + output);
            }
        }
    }
}
