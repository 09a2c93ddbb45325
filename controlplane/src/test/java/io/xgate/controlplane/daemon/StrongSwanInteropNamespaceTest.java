package io.xgate.controlplane.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.xgate.controlplane.cli.XgateCli;
import io.xgate.controlplane.daemon.TwoGatewayLab.Side;
import io.xgate.dataplane.testkit.Tshark;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * xgate ({@code xgate run} in gw-a) against a real strongSwan 5.9 (charon with kernel-libipsec in gw-b), PSK, two
 * proxy IDs giving two child SAs, pings host-a ↔ host-b through each. strongSwan fakes NAT detection, so IKE moves
 * to 4500 and ESP travels in UDP. The operational commands show the negotiated SAs, and tshark decrypts the WAN
 * capture (IKE and ESP) with the keys the daemon exports. Needs root, strongSwan (charon, swanctl), ping, tcpdump,
 * tshark. One topology for the class.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class StrongSwanInteropNamespaceTest {
    private static final String PSK = "interop psk 0123456789";
    private static final ObjectMapper JSON = new ObjectMapper();
    private TwoGatewayLab lab;
    private StrongSwan strongSwan;

    @BeforeAll
    void buildTopology() throws IOException {
        lab = new TwoGatewayLab();
        // Second proxy ID: 198.18.21.0/24 behind xgate, 198.18.22.0/24 behind strongSwan.
        lab.in(lab.hostNamespace(Side.A), "ip", "addr", "add", "198.18.21.10/24", "dev", lab.hostDevice(Side.A));
        lab.in(lab.gatewayNamespace(Side.A), "ip", "addr", "add", "198.18.21.1/24", "dev", lab.device(Side.A, true));
        lab.in(lab.hostNamespace(Side.B), "ip", "addr", "add", "198.18.22.10/24", "dev", lab.hostDevice(Side.B));
        lab.in(lab.gatewayNamespace(Side.B), "ip", "addr", "add", "198.18.22.1/24", "dev", lab.device(Side.B, true));
        final String gb = lab.gatewayNamespace(Side.B);
        lab.in(gb, "sysctl", "-qw", "net.ipv4.ip_forward=1");
        for (final String knob : new String[] {"all", "default"}) {
            lab.in(gb, "sysctl", "-qw", "net.ipv4.conf." + knob + ".rp_filter=0");
        }
    }

    @AfterAll
    void removeTopology() throws IOException {
        lab.close();
    }

    @AfterEach
    void stopBoth() throws InterruptedException {
        lab.stopGateway(Side.A);
        if (strongSwan != null) {
            strongSwan.close();
            strongSwan = null;
        }
    }

    @Test
    void xgateInitiatesAesGcmGroup19AndBothProxyIdsCarryPings() throws Exception {
        final Path pcap = lab.dir().resolve("interop-wan.pcap");
        final Process capture = lab.startCapture(pcap);
        start("aes-256-gcm", "sha256", "group19", "aes-128-gcm", "none", false,
            "aes256gcm16-prfsha256-ecp256", "aes128gcm16-ecp256", "198.18.1.0/24");
        awaitChildSas(2);
        pingBothWays();
        TwoGatewayLab.stop(capture);
        final String log = Files.readString(lab.log(Side.A));
        assertTrue(log.contains("IKE SA") && log.contains("we initiated") && log.contains("peer is behind a NAT; IKE on 4500"),
            log);
        assertTrue(log.contains("ESP in UDP 4500->4500"), log);
        assertTrue(Files.readString(lab.dir().resolve("keys/ikev2_decryption_table")).lines().count() >= 1);
        assertEquals(4, Files.readString(lab.dir().resolve("keys/esp_sa")).lines().count());

        final Tshark tshark = new Tshark(lab.dir().resolve("keys"));
        assertEquals(List.of(), tshark.espProblems(pcap), "every ESP packet decrypts with a good ICV");
        assertFalse(tshark.packets(pcap, "esp && icmp && ip.src == 198.18.21.10", "frame.number").isEmpty(),
            "the second proxy ID's pings inside ESP");
        assertEquals(List.of("a.example", "b.example"), tshark.packets(pcap, "isakmp.id.data.fqdn",
                "isakmp.id.data.fqdn").stream().map(p -> p.first("isakmp.id.data.fqdn")).distinct().sorted().toList(),
            "IKE_AUTH decrypted: both identities readable");
    }

    @Test
    void showVpnIkeSaShowsTheEstablishedSaAndClearDeletesItAtThePeer() throws Exception {
        start("aes-256-gcm", "sha256", "group19", "aes-128-gcm", "none", false,
            "aes256gcm16-prfsha256-ecp256", "aes128gcm16-ecp256", "198.18.1.0/24");
        awaitChildSas(2);
        final List<String> ikeSa = cli("show", "vpn", "ike-sa").lines().map(l -> l.trim().replaceAll(" {2,}", " "))
            .toList();
        assertEquals("GATEWAY PEER STATE ROLE SPI-I SPI-R NAT-T ALGORITHMS AGE CHILD-SAS", ikeSa.get(0));
        assertTrue(ikeSa.get(1).matches("strongswan 192\\.0\\.2\\.2:4500 IDLE initiator [0-9a-f]{16} [0-9a-f]{16} "
            + "peer is behind a NAT aes-256-gcm/prf-sha256/group19 \\d+s 2"), ikeSa.get(1));
        final JsonNode sa = JSON.readTree(cli("show", "vpn", "ike-sa", "gateway", "strongswan", "--json"))
            .path("gateways").path(0).path("ikeSa");
        assertEquals("192.0.2.1:4500", sa.path("local").asText());
        assertEquals(List.of("to-sw:p1", "to-sw:p2"), sa.path("childSas").valueStream()
            .map(c -> c.path("name").asText()).sorted().toList());
        final String detail = cli("show", "vpn", "ike-sa", "detail");
        assertTrue(detail.contains("child SA to-sw:p1: in 0x") && detail.contains("ESP in UDP 4500->4500"), detail);
        assertTrue(cli("show", "vpn", "gateway").contains(" IDLE"));
        final String ipsecSa = cli("show", "vpn", "ipsec-sa");
        assertTrue(ipsecSa.contains("to-sw:p1 ") && ipsecSa.contains("to-sw:p2 ") && ipsecSa.contains("aes-128-gcm"),
            ipsecSa);
        assertTrue(cli("test", "vpn", "ike-sa", "gateway", "strongswan").contains("has an IKE SA"));

        assertTrue(cli("clear", "vpn", "ike-sa", "gateway", "strongswan").contains("Delete sent to the peer"));
        final long deadline = System.currentTimeMillis() + 10_000;
        while (!Files.readString(strongSwan.log()).contains("received DELETE for IKE_SA")) {
            assertTrue(System.currentTimeMillis() < deadline, Files.readString(strongSwan.log()));
            Thread.sleep(100);
        }
        // Our side removes them when strongSwan's answer to the Delete arrives, a moment after its log line.
        while (JSON.readTree(cli("show", "vpn", "ipsec-sa", "--json")).path("sas").size() != 0) {
            assertTrue(System.currentTimeMillis() < deadline, "the child SAs went with the IKE SA");
            Thread.sleep(100);
        }
    }

    @Test
    void strongSwanInitiatesAesCbcSha256Group14ToAPassiveXgate() throws Exception {
        start("aes-128-cbc", "sha256", "group14", "aes-128-cbc", "sha256", true,
            "aes128-sha256-modp2048", "aes128-sha256-modp2048", "198.18.1.0/24");
        strongSwan.initiate("p1");
        strongSwan.initiate("p2");
        awaitChildSas(2);
        pingBothWays();
        assertTrue(Files.readString(lab.log(Side.A)).contains("peer initiated"));
    }

    @Test
    void xgateInitiatesCurve25519Group31() throws Exception {
        start("aes-256-gcm", "sha256", "group31", "aes-256-cbc", "sha256", false,
            "aes256gcm16-prfsha256-curve25519", "aes256-sha256-curve25519", "198.18.1.0/24");
        awaitChildSas(2);
        pingBothWays();
    }

    @Test
    void aProposalMismatchIsExplained() throws Exception {
        start("aes-256-gcm", "sha256", "group19", "aes-128-gcm", "none", true,
            "aes128-sha1-modp2048", "aes128gcm16-ecp256", "198.18.1.0/24");
        assertThrows(IOException.class, () -> strongSwan.initiate("p1"));
        awaitLog("NO_PROPOSAL_CHOSEN: we offered aes-256-gcm/group19, peer offered aes-128-cbc-sha1/group14");
    }

    @Test
    void aSelectorMismatchIsExplained() throws Exception {
        start("aes-256-gcm", "sha256", "group19", "aes-128-gcm", "none", true,
            "aes256gcm16-prfsha256-ecp256", "aes128gcm16-ecp256", "198.18.3.0/24");
        assertThrows(IOException.class, () -> strongSwan.initiate("p1"));
        awaitLog("TS_UNACCEPTABLE: proxy-id p1 198.18.1.0/24<->198.18.2.0/24 any; peer allows "
            + "198.18.3.0/24<->198.18.2.0/24 any; TS_UNACCEPTABLE: proxy-id p2 198.18.21.0/24<->198.18.22.0/24 any; "
            + "peer allows 198.18.3.0/24<->198.18.2.0/24 any");
    }

    /**
     * strongSwan rekeys p1 every ~20 s and the IKE SA every ~30 s; xgate rekeys p2 at its own soft lifetime (the
     * 180 s minimum PAN-OS allows, so 144-162 s). Pings at 10/s through both proxy IDs the whole time: none lost.
     */
    @Test
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    void rekeysByBothSidesLoseNoPing() throws Exception {
        start("aes-256-gcm", "sha256", "group19", "aes-128-gcm", "none", false,
            "aes256gcm16-prfsha256-ecp256", "aes128gcm16-ecp256", "198.18.1.0/24",
            new Lifetimes("rekey_time = 30s", "rekey_time = 20s", "rekey_time = 1h", ", lifetime: {minutes: 3}",
                ", lifetime: {seconds: 180}"));
        awaitChildSas(2);
        pingBothWays();
        final int count = 1700;
        final Process p1 = lab.startIn(lab.hostNamespace(Side.A), lab.dir().resolve("ping-p1.txt"), "ping", "-i", "0.1",
            "-c", String.valueOf(count), "-W", "1", "-I", "198.18.1.10", "-q", "198.18.2.10");
        final Process p2 = lab.startIn(lab.hostNamespace(Side.A), lab.dir().resolve("ping-p2.txt"), "ping", "-i", "0.1",
            "-c", String.valueOf(count), "-W", "1", "-I", "198.18.21.10", "-q", "198.18.22.10");
        assertTrue(p1.waitFor(200, TimeUnit.SECONDS) && p2.waitFor(10, TimeUnit.SECONDS), "pings did not finish");
        final String log = Files.readString(lab.log(Side.A));
        final String summary = Files.readString(lab.dir().resolve("ping-p1.txt")) + Files.readString(
            lab.dir().resolve("ping-p2.txt"));
        assertEquals(2, summary.lines().filter(l -> l.contains(count + " packets transmitted, " + count + " received"))
            .count(), summary + log);
        assertTrue(log.lines().filter(l -> l.contains("peer rekeys child SA to-sw:p1")).count() >= 6, log);
        assertTrue(log.lines().filter(l -> l.contains("(peer rekeyed)")).count() >= 4, log);
        assertTrue(log.contains("rekeying child SA to-sw:p2"), log);
        assertTrue(log.lines().noneMatch(l -> l.contains(" ERROR ") || l.contains(" WARNING ") && !l.contains("KeyExport")),
            log);
    }

    /**
     * Both sides enable IKE fragmentation and present identities long enough (437 characters) that each IKE_AUTH
     * message exceeds a 576-byte IPv4 datagram: xgate's request and strongSwan's answer travel as SKF fragments
     * (payload type 53 on the wire), each side joins the other's, and traffic passes.
     */
    @Test
    void largeIkeAuthMessagesTravelInFragmentsBothWays() throws Exception {
        final Path pcap = lab.dir().resolve("fragments-wan.pcap");
        final Process capture = lab.startCapture(pcap);
        final String labels = String.join(".", Collections.nCopies(7, "x".repeat(60)));
        start("aes-256-gcm", "sha256", "group19", "aes-128-gcm", "none", false,
            "aes256gcm16-prfsha256-ecp256", "aes128gcm16-ecp256", "198.18.1.0/24", Lifetimes.DEFAULT,
            new Peers("a." + labels + ".example", "b." + labels + ".example", true));
        awaitChildSas(2);
        pingBothWays();
        TwoGatewayLab.stop(capture);
        assertTrue(Files.readString(lab.log(Side.A)).contains("IKE on 4500, fragmented when large"));
        final String sw = Files.readString(strongSwan.log());
        assertTrue(sw.contains("reassembled fragmented IKE message"), "xgate's IKE_AUTH request, joined:\n" + sw);
        assertTrue(sw.contains("splitting IKE message"), "strongSwan's IKE_AUTH answer, split:\n" + sw);
        final Tshark tshark = new Tshark(lab.dir().resolve("keys"));
        for (final String sender : List.of("192.0.2.1", "192.0.2.2")) {
            final List<?> fragments = tshark.packets(pcap, "ip.src == " + sender + " && isakmp.nextpayload == 53",
                "frame.number");
            assertTrue(fragments.size() >= 2, sender + " sent " + fragments.size() + " SKF fragments");
        }
    }

    /** strongSwan silenced by nftables in its namespace: xgate's liveness check goes unanswered, the peer is dead. */
    @Test
    @Timeout(value = 150, unit = TimeUnit.SECONDS)
    void aSilencedStrongSwanIsDeclaredDead() throws Exception {
        start("aes-256-gcm", "sha256", "group19", "aes-128-gcm", "none", false,
            "aes256gcm16-prfsha256-ecp256", "aes128gcm16-ecp256", "198.18.1.0/24");
        awaitChildSas(2);
        final String gb = lab.gatewayNamespace(Side.B);
        lab.in(gb, "nft", "add", "table", "inet", "silence");
        lab.in(gb, "nft", "add", "chain", "inet", "silence", "in", "{ type filter hook input priority 0 ; }");
        lab.in(gb, "nft", "add", "chain", "inet", "silence", "out", "{ type filter hook output priority 0 ; }");
        lab.in(gb, "nft", "add", "rule", "inet", "silence", "in", "udp", "dport", "{ 500, 4500 }", "drop");
        lab.in(gb, "nft", "add", "rule", "inet", "silence", "out", "udp", "sport", "{ 500, 4500 }", "drop");
        try {
            awaitLog("dead peer: 192.0.2.2 did not answer a liveness check (sent 6 times, dpd interval 5 s): IKE SA and "
                + "its child SAs torn down, reconnecting", 100_000);
        } finally {
            lab.in(gb, "nft", "delete", "table", "inet", "silence");
        }
        awaitLog("IKE SA down; last failure: dead peer", 5_000);
    }

    /** Rekey settings of both sides: strongSwan's per connection and per child, xgate's profile lifetimes. */
    private record Lifetimes(String swIke, String swP1, String swP2, String xgateIke, String xgateEsp) {
        static final Lifetimes DEFAULT = new Lifetimes("", "", "", "", "");
    }

    /** The identities of both sides (xgate is A), and whether both enable IKE fragmentation. */
    private record Peers(String aId, String bId, boolean fragmentation) {
        static final Peers DEFAULT = new Peers("a.example", "b.example", false);

        /**
         * The secret's owners in swanctl.conf; none (the only secret serves any peer) for identities over 255
         * characters, which strongSwan cuts there when it loads a shared key.
         */
        String secretOwners() {
            return aId.length() > 255 || bId.length() > 255 ? "" : "id-a = " + aId + "\n id-b = " + bId;
        }
    }

    private void start(final String ikeEncryption, final String hash, final String group, final String espEncryption,
                       final String espAuthentication, final boolean passive, final String swIke, final String swEsp,
                       final String swRemoteP1) throws Exception {
        start(ikeEncryption, hash, group, espEncryption, espAuthentication, passive, swIke, swEsp, swRemoteP1,
            Lifetimes.DEFAULT);
    }

    private void start(final String ikeEncryption, final String hash, final String group, final String espEncryption,
                       final String espAuthentication, final boolean passive, final String swIke, final String swEsp,
                       final String swRemoteP1, final Lifetimes lifetimes) throws Exception {
        start(ikeEncryption, hash, group, espEncryption, espAuthentication, passive, swIke, swEsp, swRemoteP1, lifetimes,
            Peers.DEFAULT);
    }

    private void start(final String ikeEncryption, final String hash, final String group, final String espEncryption,
                       final String espAuthentication, final boolean passive, final String swIke, final String swEsp,
                       final String swRemoteP1, final Lifetimes lifetimes, final Peers peers) throws Exception {
        // strongSwan always offers fragmentation (its default); with it on at xgate too, strongSwan's fragments are as
        // small as xgate's for IPv4 (RFC 7383 §2.5.1) instead of its default 1280 bytes.
        strongSwan = new StrongSwan(lab, peers.fragmentation() ? "fragment_size = 576" : "");
        strongSwan.load("""
            connections {
              xgate {
                version = 2
                local_addrs = 192.0.2.2
                remote_addrs = 192.0.2.1
                proposals = %s
                encap = yes
                fragmentation = yes
                %s
                local { auth = psk
                  id = %s }
                remote { auth = psk
                  id = %s }
                children {
                  p1 { local_ts = 198.18.2.0/24
                    remote_ts = %s
                    esp_proposals = %s
                    %s }
                  p2 { local_ts = 198.18.22.0/24
                    remote_ts = 198.18.21.0/24
                    esp_proposals = %s
                    %s }
                }
              }
            }
            secrets {
              ike-xgate { %s
                secret = "%s" }
            }
            """.formatted(swIke, lifetimes.swIke(), peers.bId(), peers.aId(), swRemoteP1,
            swEsp, lifetimes.swP1(), swEsp, lifetimes.swP2(), peers.secretOwners(), PSK));
        lab.startGateway(Side.A, """
            device:
              workers: 1
              counters-file: %s
              management-socket: %s
              debug: {key-export-dir: %s}
            interfaces:
              ethernet:
                - {name: ethernet1/1, device: %s, zone: untrust, virtual-router: default, ip: [192.0.2.1/24]}
                - {name: ethernet1/2, device: %s, zone: trust, virtual-router: default, ip: [198.18.1.1/24, 198.18.21.1/24]}
              tunnel:
                - {name: tunnel.1, zone: vpn, virtual-router: default, mtu: 1400}
            virtual-routers:
              - name: default
                static-routes:
                  - {name: p1, destination: 198.18.2.0/24, interface: tunnel.1}
                  - {name: p2, destination: 198.18.22.0/24, interface: tunnel.1}
            ike-crypto-profiles:
              - {name: ike, dh-group: [%s], encryption: [%s], hash: [%s]%s}
            ipsec-crypto-profiles:
              - {name: esp, esp: {encryption: [%s], authentication: [%s]}, dh-group: %s%s}
            ike-gateways:
              - name: strongswan
                protocol: {version: ikev2}
                local-address: {interface: ethernet1/1, ip: 192.0.2.1}
                peer-address: {ip: 192.0.2.2}
                authentication: {pre-shared-key: {key: "%s"}}
                local-id: {type: fqdn, id: %s}
                peer-id: {type: fqdn, id: %s}
                ike-crypto-profile: ike
                nat-traversal: {enable: true}
                fragmentation: {enable: %s}
                passive-mode: %s
            ipsec-tunnels:
              - name: to-sw
                tunnel-interface: tunnel.1
                auto-key:
                  ike-gateway: [strongswan]
                  ipsec-crypto-profile: esp
                  proxy-id:
                    - {name: p1, local: 198.18.1.0/24, remote: 198.18.2.0/24}
                    - {name: p2, local: 198.18.21.0/24, remote: 198.18.22.0/24}
            """.formatted(lab.countersFile(Side.A), lab.socket(Side.A), lab.dir().resolve("keys"),
            lab.device(Side.A, false), lab.device(Side.A, true), group, ikeEncryption, hash, lifetimes.xgateIke(),
            espEncryption, espAuthentication, group, lifetimes.xgateEsp(), PSK, peers.aId(), peers.bId(),
            peers.fragmentation(), passive));
        awaitLog("worker 0 started");
    }

    /** {@code count} child SAs in {@code show vpn ipsec-sa} and the tunnel up (its next hop, strongSwan, resolved). */
    private void awaitChildSas(final int count) throws Exception {
        final long deadline = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < deadline) {
            if (Files.exists(lab.socket(Side.A))
                && JSON.readTree(cli("show", "vpn", "ipsec-sa", "--json")).path("sas").size() >= count
                && JSON.readTree(cli("show", "vpn", "tunnel", "--json")).path("tunnels").path(0).path("state")
                    .asText().equals("up")) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("child SAs not up:\n" + Files.readString(lab.log(Side.A)) + "\nstrongSwan:\n"
            + Files.readString(strongSwan.log()));
    }

    /** The CLI against gw-a's daemon: its output, which must hold no key; "" while the daemon does not answer. */
    private String cli(final String... args) {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final PrintStream stream = new PrintStream(out, true, StandardCharsets.UTF_8);
        final int exit = XgateCli.run(List.of(args), Map.of("XGATE_SOCKET", lab.socket(Side.A).toString()), stream,
            stream);
        final String text = out.toString(StandardCharsets.UTF_8);
        assertFalse(text.contains(PSK), "the PSK in CLI output");
        return exit == 0 ? text : "{}";
    }

    private void awaitLog(final String line) throws Exception {
        awaitLog(line, 20_000);
    }

    private void awaitLog(final String line, final long millis) throws Exception {
        final long deadline = System.currentTimeMillis() + millis;
        final Path log = lab.log(Side.A);
        while (System.currentTimeMillis() < deadline) {
            if (Files.exists(log) && Files.readString(log).contains(line)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("no '" + line + "' in:\n" + Files.readString(log));
    }

    private void pingBothWays() throws IOException {
        ping(lab.hostNamespace(Side.A), "198.18.1.10", "198.18.2.10");
        ping(lab.hostNamespace(Side.A), "198.18.21.10", "198.18.22.10");
        ping(lab.hostNamespace(Side.B), "198.18.2.10", "198.18.1.10");
        ping(lab.hostNamespace(Side.B), "198.18.22.10", "198.18.21.10");
    }

    private void ping(final String namespace, final String from, final String to) throws IOException {
        // The first echo may wait for ARP on the far side; three tries, one answer needed.
        lab.in(namespace, "ping", "-c", "3", "-W", "2", "-I", from, "-q", "-A", to);
    }
}
