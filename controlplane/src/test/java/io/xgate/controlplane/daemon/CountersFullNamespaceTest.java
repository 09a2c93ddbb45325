package io.xgate.controlplane.daemon;

import static io.xgate.controlplane.daemon.TwoGatewayLab.HOST_B;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.xgate.controlplane.cli.XgateCli;
import io.xgate.controlplane.daemon.TwoGatewayLab.Side;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * Two {@code xgate run} gateways negotiating one auto-key tunnel with {@link #PROXY_IDS} proxy IDs (a child SA
 * each), gw-a's counters file at the smallest {@code device.counter-slots}: the child SAs beyond its room are
 * refused and deleted at the peer — no half state, the daemon keeps running and forwarding — and once a commit
 * asks for fewer, a new IKE SA brings them all up. Needs root.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class CountersFullNamespaceTest {
    private static final int PROXY_IDS = 30;
    /** Fewer than fit in 1024 slots (19, each child SA taking 48), so a new IKE SA brings them all up. */
    private static final int FEWER = 10;
    private static final String REFUSED = "refused: the counters file is full: raise device.counter-slots (takes a "
            + "restart); deleting it at the peer";
    private static final ObjectMapper JSON = new ObjectMapper();

    private TwoGatewayLab lab;

    @BeforeAll
    void startGateways() throws IOException, InterruptedException {
        lab = new TwoGatewayLab();
        lab.startGateway(Side.B, config(Side.B, PROXY_IDS, ""));
        lab.awaitLog(Side.B, 0, "IKE listening on", 20_000);
        lab.startGateway(Side.A, config(Side.A, PROXY_IDS, "  counter-slots: 1024\n"));
    }

    @AfterAll
    void removeTopology() throws IOException {
        lab.close();
    }

    @Test
    void childSasBeyondTheCountersFileAreDeletedAtThePeerAndTheGatewayCarriesOn() throws Exception {
        lab.awaitLog(Side.A, 0, Pattern.quote(REFUSED), 30_000);
        final int[] settled = awaitSettled();
        final int installed = settled[0];
        final int refused = settled[1];
        assertEquals(PROXY_IDS, installed + refused, "each proxy ID either installed or refused");
        assertTrue(installed >= FEWER && refused > 0, installed + " installed, " + refused + " refused");
        assertEquals(installed, sas(Side.B), "the peer kept only what gw-a installed");
        assertTrue(cli(Side.A, "show", "vpn", "ike-sa", "detail").contains("last failure: child SA to-peer:p"),
                "show vpn ike-sa detail tells why");
        pingAcross();

        // Fewer proxy IDs, and a new IKE SA once the old one (and what it still negotiated) is gone.
        final Path fewer = lab.dir().resolve("fewer.yaml");
        Files.writeString(fewer, config(Side.A, FEWER, "  counter-slots: 1024\n"));
        cli(Side.A, "config", "load", fewer.toString());
        assertTrue(cli(Side.A, "commit").startsWith("committed version"));
        final int cleared = lab.logMark(Side.A);
        cli(Side.A, "clear", "vpn", "ike-sa", "gateway", "peer");
        lab.awaitLog(Side.A, cleared, "IKE SA \\w+/\\w+ closed", 20_000);
        final int mark = lab.logMark(Side.A);
        final long deadline = System.currentTimeMillis() + 30_000;
        while (!(sas(Side.A) == FEWER && sas(Side.B) == FEWER)) {
            assertTrue(System.currentTimeMillis() < deadline, "not all up again:\n" + lab.logSince(Side.A, mark));
            Thread.sleep(100);
        }
        assertTrue(!lab.logSince(Side.A, mark).contains(REFUSED), lab.logSince(Side.A, mark));
        pingAcross();
    }

    /** host-a to host-b through proxy ID 10, the hosts' gateways taught their MACs first. */
    private void pingAcross() throws IOException {
        lab.in(lab.hostNamespace(Side.A), "ping", "-c", "1", "-W", "2", "198.18.1.1");
        lab.in(lab.hostNamespace(Side.B), "ping", "-c", "1", "-W", "2", "198.18.2.1");
        lab.in(lab.hostNamespace(Side.A), "ping", "-c", "3", "-i", "0.3", "-W", "2", HOST_B);
    }

    /** Once every refused child is down again at gw-a: its installed and refused counts. */
    private int[] awaitSettled() throws Exception {
        final long deadline = System.currentTimeMillis() + 30_000;
        while (true) {
            final String log = Files.readString(lab.log(Side.A));
            final int refused = count(log, REFUSED);
            final int deleted = count(log, " down: the counters file is full");
            final int installed = sas(Side.A);
            final int peer = sas(Side.B);
            if (refused > 0 && refused == deleted && installed + refused == PROXY_IDS && peer == installed) {
                return new int[] {installed, refused};
            }
            assertTrue(System.currentTimeMillis() < deadline, "not settled: " + installed + " installed, " + refused
                    + " refused, " + deleted + " deleted, " + peer + " at the peer:\n" + log);
            Thread.sleep(100);
        }
    }

    private static int count(final String text, final String what) {
        return text.split(Pattern.quote(what), -1).length - 1;
    }

    private int sas(final Side side) throws Exception {
        return JSON.readTree(cli(side, "show", "vpn", "ipsec-sa", "--json")).path("sas").size();
    }

    /** The CLI against the side's daemon: its output, or the error it printed. */
    private String cli(final Side side, final String... args) {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final PrintStream stream = new PrintStream(out, true, StandardCharsets.UTF_8);
        XgateCli.run(List.of(args), Map.of("XGATE_SOCKET", lab.socket(side).toString()), stream, stream);
        return out.toString(StandardCharsets.UTF_8);
    }

    /**
     * gw-a initiates, gw-b waits; proxy ID i protects host 198.18.1.i on gw-a's side and gw-b's whole LAN, so the
     * hosts' ping (198.18.1.10) rides proxy ID 10.
     */
    private String config(final Side side, final int proxyIds, final String deviceExtra) {
        final boolean a = side == Side.A;
        final String local = a ? "1" : "2";
        final String remote = a ? "2" : "1";
        final String proxies = IntStream.rangeClosed(1, proxyIds).mapToObj(i -> a
                        ? "        - {name: p%d, local: 198.18.1.%d/32, remote: 198.18.2.0/24}\n".formatted(i, i)
                        : "        - {name: p%d, local: 198.18.2.0/24, remote: 198.18.1.%d/32}\n".formatted(i, i))
                .collect(Collectors.joining());
        return """
                device:
                  workers: 1
                  counters-file: %s
                  management-socket: %s
                %sinterfaces:
                  ethernet:
                    - {name: ethernet1/1, device: %s, zone: untrust, virtual-router: default, ip: [192.0.2.%s/24]}
                    - {name: ethernet1/2, device: %s, zone: trust, virtual-router: default, ip: [198.18.%s.1/24]}
                  tunnel:
                    - {name: tunnel.1, zone: vpn, virtual-router: default, mtu: 1400}
                virtual-routers:
                  - name: default
                    static-routes:
                      - {name: remote, destination: 198.18.%s.0/24, interface: tunnel.1}
                ike-crypto-profiles:
                  - {name: ike, dh-group: [group19], encryption: [aes-256-gcm], hash: [sha256]}
                ipsec-crypto-profiles:
                  - {name: esp, esp: {encryption: [aes-128-gcm], authentication: [none]}, dh-group: no-pfs}
                ike-gateways:
                  - name: peer
                    protocol: {version: ikev2}
                    local-address: {interface: ethernet1/1, ip: 192.0.2.%s}
                    peer-address: {ip: 192.0.2.%s}
                    authentication: {pre-shared-key: {key: "counters-full-lab-only"}}
                    local-id: {type: fqdn, id: gw-%s.example}
                    peer-id: {type: fqdn, id: gw-%s.example}
                    ike-crypto-profile: ike
                    passive-mode: %s
                ipsec-tunnels:
                  - name: to-peer
                    tunnel-interface: tunnel.1
                    auto-key:
                      ike-gateway: [peer]
                      ipsec-crypto-profile: esp
                      proxy-id:
                %s""".formatted(lab.countersFile(side), lab.socket(side), deviceExtra, lab.device(side, false), local,
                lab.device(side, true), local, remote, local, remote, a ? "a" : "b", a ? "b" : "a", !a, proxies);
    }
}
