package io.xgate.controlplane.daemon;

import static io.xgate.controlplane.daemon.TwoGatewayLab.HOST_A;
import static io.xgate.controlplane.daemon.TwoGatewayLab.HOST_A6;
import static io.xgate.controlplane.daemon.TwoGatewayLab.HOST_B;
import static io.xgate.controlplane.daemon.TwoGatewayLab.HOST_B6;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.xgate.controlplane.daemon.TwoGatewayLab.Side;
import io.xgate.dataplane.capture.PcapReader;
import io.xgate.dataplane.capture.WiresharkKeyTables;
import io.xgate.dataplane.crypto.EncryptionAlgorithm;
import io.xgate.dataplane.crypto.IntegrityAlgorithm;
import io.xgate.dataplane.testkit.Tshark;
import io.xgate.dataplane.testkit.TsharkPacket;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Two {@code xgate run} processes, each in its own namespace, joined by a manual-key tunnel over a WAN bridge:
 * traffic between the hosts crosses both data planes, and the capture on the WAN holds only ESP (or AH) that
 * tshark decrypts with the configured keys. One topology for the class; the gateways restart per suite. Needs
 * root, tcpdump, tshark, python3-scapy, ethtool, ping.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ManualKeyTunnelNamespaceTest {
    private static final int DSCP_EF = 46;
    private static final String TOS_EF = "0xb8";
    private TwoGatewayLab lab;

    @BeforeAll
    void buildTopology() throws IOException {
        lab = new TwoGatewayLab();
    }

    @AfterAll
    void removeTopology() throws IOException {
        lab.close();
    }

    static Stream<LabSuite> espSuites() {
        return Stream.of(LabSuite.esp("aes-128-gcm", EncryptionAlgorithm.AES_128_GCM, IntegrityAlgorithm.NONE, false),
                LabSuite.esp("aes-128-cbc-sha256-gre", EncryptionAlgorithm.AES_128_CBC, IntegrityAlgorithm.SHA256_128,
                        true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("espSuites")
    @Order(1)
    void espCarriesPingTcpUdpBothWaysAndTsharkDecryptsTheWanAndReplayAndCorruptionAreCounted(final LabSuite suite)
            throws Exception {
        lab.startTunnel(suite);
        final Path pcap = lab.dir().resolve(suite.name() + ".pcap");
        final Process capture = lab.startCapture(pcap);
        pingsAndTransportBothWays();
        TwoGatewayLab.stop(capture);

        final Tshark tshark = new Tshark(WiresharkKeyTables.write(lab.dir().resolve("ws-" + suite.name()),
                suite.wiresharkKeys(), List.of()));
        assertEquals(List.of(), tshark.espProblems(pcap), "every ESP packet decrypts with a good ICV");
        assertEquals(List.of(), tshark.packets(pcap, "(ip || ipv6) && !esp", "frame.number", "_ws.col.Protocol")
                .stream().map(p -> p.first("_ws.col.Protocol")).toList(), "nothing but ESP on the WAN");
        for (final String inner : List.of("icmp", "icmpv6", "tcp", "udp")) {
            assertFalse(tshark.packets(pcap, "esp && " + inner, "frame.number").isEmpty(), inner + " inside ESP");
        }
        assertEquals(suite.gre(), !tshark.packets(pcap, "esp && gre", "frame.number").isEmpty(),
                "GRE inside the decrypted packets exactly when configured");
        assertCopyTos(tshark, pcap, "esp");

        final byte[] sent = lastEspFromA(pcap);
        final String sa = "sa in 0x%08x tunnel.1: drop ".formatted(LabSuite.SPI_A_TO_B);
        final long replays = lab.counter(Side.B, sa + "replay");
        lab.traffic(lab.namespace("wan"), "send", lab.wanPort(Side.B), HexFormat.of().formatHex(sent));
        awaitCounter(Side.B, sa + "replay", replays + 1);

        final byte[] corrupt = sent.clone();
        corrupt[14 + 20 + 4] = 0x7f; // a sequence number far ahead, so the replay check lets it through to the ICV
        corrupt[corrupt.length - 20] ^= 0x01; // one ciphertext bit
        final long integrity = lab.counter(Side.B, sa + "integrity");
        lab.traffic(lab.namespace("wan"), "send", lab.wanPort(Side.B), HexFormat.of().formatHex(corrupt));
        awaitCounter(Side.B, sa + "integrity", integrity + 1);
    }

    @Test
    @Order(2)
    void ahCarriesPingsBothWaysAndTheWanShowsOnlyAh() throws Exception {
        lab.startTunnel(LabSuite.ah("ah-sha256", IntegrityAlgorithm.SHA256_128));
        final Path pcap = lab.dir().resolve("ah.pcap");
        final Process capture = lab.startCapture(pcap);
        ping(Side.A, HOST_B, "-Q", TOS_EF);
        ping(Side.A, HOST_B6);
        ping(Side.B, HOST_A);
        ping(Side.B, HOST_A6);
        TwoGatewayLab.stop(capture);

        final Tshark tshark = new Tshark(WiresharkKeyTables.write(lab.dir().resolve("ws-ah"), List.of(), List.of()));
        assertEquals(List.of(), tshark.packets(pcap, "(ip || ipv6) && !ah", "frame.number"), "only AH on the WAN");
        assertFalse(tshark.packets(pcap, "ah && icmp", "frame.number").isEmpty());
        assertFalse(tshark.packets(pcap, "ah && icmpv6", "frame.number").isEmpty());
        assertCopyTos(tshark, pcap, "ah");
    }

    @Test
    @Order(3)
    void sigtermStopsTheGatewayAndLeavesNoXdpProgramAttached() throws Exception {
        lab.startTunnel(espSuites().findFirst().orElseThrow());
        assertTrue(lab.in(lab.gatewayNamespace(Side.B), "ip", "-d", "link", "show").contains("prog/xdp"));

        assertEquals(143, lab.stopGateway(Side.B), "128 + SIGTERM after a clean shutdown");

        final String links = lab.in(lab.gatewayNamespace(Side.B), "ip", "-d", "link", "show");
        assertFalse(links.contains("xdp"), links);
        final String log = Files.readString(lab.log(Side.B));
        assertTrue(log.contains("SAs closed, keys wiped") && log.contains("stopped: worker joined, XDP detached"), log);
        assertFalse(log.contains("4041424344") || log.contains("8081828384"), "no key material in the log");
    }

    private void pingsAndTransportBothWays() throws Exception {
        ping(Side.A, HOST_B, "-Q", TOS_EF);
        ping(Side.A, HOST_B6);
        ping(Side.B, HOST_A);
        ping(Side.B, HOST_A6);
        assertEquals("hello over tcp", echo(Side.B, "tcp-echo", Side.A, "tcp", HOST_B, "hello over tcp"));
        assertEquals("hello over udp", echo(Side.A, "udp-echo", Side.B, "udp", HOST_A6, "hello over udp"));
    }

    /** Three echo requests from {@code from}'s host, every one answered. */
    private void ping(final Side from, final String target, final String... options) throws IOException {
        final List<String> command = new java.util.ArrayList<>(List.of("ping", "-c", "3", "-i", "0.2", "-W", "2"));
        command.addAll(List.of(options));
        command.add(target);
        final String out = lab.in(lab.hostNamespace(from), command.toArray(String[]::new));
        assertTrue(out.contains("3 received"), out);
    }

    /** Starts an echo server on {@code serverSide}'s host and returns what the client on the other host got back. */
    private String echo(final Side serverSide, final String server, final Side clientSide, final String client,
                        final String target, final String text) throws Exception {
        final Process echo = lab.startTraffic(lab.hostNamespace(serverSide), server, "7001");
        final BufferedReader out = new BufferedReader(new InputStreamReader(echo.getInputStream(),
                StandardCharsets.US_ASCII));
        assertEquals("ready", out.readLine());
        try {
            return lab.traffic(lab.hostNamespace(clientSide), client, target, "7001", text).trim();
        } finally {
            TwoGatewayLab.stop(echo);
        }
    }

    /** Packets host-a sent with DSCP EF carry EF on the outer header too (copy-tos). */
    private static void assertCopyTos(final Tshark tshark, final Path pcap, final String protocol) throws IOException {
        final List<TsharkPacket> ef = tshark.packets(pcap, protocol + " && ip.src == 192.0.2.1 && ip.dst == "
                + HOST_B, "ip.dsfield.dscp").stream()
                .filter(p -> String.valueOf(DSCP_EF).equals(p.last("ip.dsfield.dscp"))).toList();
        assertFalse(ef.isEmpty(), "inner EF packets in the capture");
        for (final TsharkPacket p : ef) {
            assertEquals(String.valueOf(DSCP_EF), p.first("ip.dsfield.dscp"), "outer DSCP");
        }
    }

    /** The last raw-ESP frame gw-a sent to gw-b, as captured on the WAN. */
    private static byte[] lastEspFromA(final Path pcap) throws IOException {
        final byte[] fromA = {(byte) 192, 0, 2, 1};
        return PcapReader.readFrames(pcap).stream()
                .filter(f -> f.length > 60 && f[12] == 0x08 && f[13] == 0x00 && f[14 + 9] == 50
                        && java.util.Arrays.equals(f, 26, 30, fromA, 0, 4))
                .reduce((first, second) -> second).orElseThrow();
    }

    private void awaitCounter(final Side side, final String label, final long atLeast) throws Exception {
        final long deadline = System.currentTimeMillis() + 5_000;
        while (lab.counter(side, label) < atLeast && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(lab.counter(side, label) >= atLeast,
                label + " = " + lab.counter(side, label) + ", wanted " + atLeast);
    }
}
