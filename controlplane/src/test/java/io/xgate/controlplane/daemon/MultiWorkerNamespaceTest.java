package io.xgate.controlplane.daemon;

import static io.xgate.controlplane.daemon.TwoGatewayLab.HOST_B;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.xgate.controlplane.cli.XgateCli;
import io.xgate.controlplane.daemon.TwoGatewayLab.Side;
import io.xgate.dataplane.crypto.EncryptionAlgorithm;
import io.xgate.dataplane.crypto.IntegrityAlgorithm;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
 * Two {@code xgate run} gateways with {@code device.workers: 2} on veths of two queues each, joined by a
 * manual-key ESP tunnel: many UDP flows from host-a (so the veths spread them over both queues) are echoed by
 * host-b, and every datagram comes back. The counters show both workers receiving and packets handed to the
 * worker that owns the tunnel (tunnel.1 belongs to worker 1), none lost at a handoff. Needs root, python3.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class MultiWorkerNamespaceTest {
    private static final int WORKERS = 2;
    private static final int FLOWS = 16;
    private static final int PER_FLOW = 25;
    private static final String PORT = "7003";
    private static final LabSuite SUITE = LabSuite.esp("aes-128-gcm", EncryptionAlgorithm.AES_128_GCM,
            IntegrityAlgorithm.NONE, false);
    private TwoGatewayLab lab;

    @BeforeAll
    void buildTopology() throws IOException {
        lab = new TwoGatewayLab(1, WORKERS);
    }

    @AfterAll
    void removeTopology() throws IOException {
        lab.close();
    }

    /** gw-a pins its workers (worker i to CPU i), gw-b leaves them to the scheduler. */
    private String config(final Side side, final int workers) {
        final String pinning = side == Side.A ? "\n  cpu-list: [0, 1]" : "";
        return SUITE.config(lab, side).replace("workers: 1", "workers: " + workers + pinning);
    }

    @Test
    @Order(1)
    void twoWorkersPerGatewayCarryManyFlowsBothWaysAndHandOverToTheTunnelsOwnerWithoutLoss() throws Exception {
        lab.startGateways(config(Side.A, WORKERS), config(Side.B, WORKERS));
        final String logA = Files.readString(lab.log(Side.A));
        for (int w = 0; w < WORKERS; w++) {
            assertTrue(logA.contains("worker " + w + " started (pinned to CPU " + w + ","), logA);
        }
        final Process echo = lab.startTraffic(lab.hostNamespace(Side.B), "echo-all", PORT, "30");
        final BufferedReader ready = new BufferedReader(new InputStreamReader(echo.getInputStream(),
                StandardCharsets.US_ASCII));
        assertEquals("ready", ready.readLine());
        final String answered = lab.traffic(lab.hostNamespace(Side.A), "flows", HOST_B, PORT, String.valueOf(FLOWS),
                String.valueOf(PER_FLOW)).trim();
        TwoGatewayLab.stop(echo);
        assertEquals(String.valueOf(FLOWS * PER_FLOW), answered, "every datagram of every flow came back");

        final String lanA = lab.device(Side.A, true);
        for (int queue = 0; queue < WORKERS; queue++) {
            assertTrue(lab.counter(Side.A, "port " + lanA + " queue " + queue + ": packets-in") > 0,
                    "worker " + queue + " of gw-a received from host-a");
        }
        long handedOff = 0;
        for (final Side side : Side.values()) {
            for (int w = 0; w < WORKERS; w++) {
                assertEquals(lab.counter(side, "worker " + w + ": handed off"),
                        lab.counter(side, "worker " + (WORKERS - 1 - w) + ": taken over"),
                        side + ": what one worker handed off, the other took over");
                handedOff += lab.counter(side, "worker " + w + ": handed off");
                for (final boolean lan : List.of(true, false)) {
                    assertEquals(0, lab.counter(side, "port " + lab.device(side, lan) + " queue " + w
                            + ": drop handoff"));
                }
            }
            assertEquals(0, lab.counter(side, "worker 1: handed off"), side + ": worker 1 owns tunnel.1");
        }
        assertTrue(lab.counter(Side.A, "worker 0: handed off") > 0, "host-a's flows reached worker 0 of gw-a");
        assertTrue(handedOff > 0);
        assertTrue(lab.counter(Side.A, "tunnel tunnel.1: packets-out") >= FLOWS * PER_FLOW);
        assertTrue(lab.counter(Side.A, "tunnel tunnel.1: packets-in") >= FLOWS * PER_FLOW);

        final String interfaces = show(Side.A, "show", "interface");
        for (int queue = 0; queue < WORKERS; queue++) {
            assertTrue(Pattern.compile("^ethernet1/2 +" + lanA + " +LAN +(NATIVE|GENERIC) +COPY +" + queue
                    + " +[1-9]", Pattern.MULTILINE).matcher(interfaces).find(), interfaces);
        }
    }

    @Test
    @Order(2)
    void moreWorkersThanReceiveQueuesIsRefusedNamingTheDevice() throws Exception {
        lab.stopGateway(Side.A);
        lab.startGateway(Side.A, config(Side.A, WORKERS + 1).replace("\n  cpu-list: [0, 1]", ""));
        final long deadline = System.currentTimeMillis() + 15_000;
        String log = "";
        while (System.currentTimeMillis() < deadline) {
            log = Files.readString(lab.log(Side.A));
            if (log.contains("receive queues")) {
                break;
            }
            Thread.sleep(100);
        }
        assertTrue(log.contains("device.workers: 3 workers need 3 receive queues on every port, but "
                + lab.device(Side.A, false) + " has 2"), log);
        assertFalse(lab.in(lab.gatewayNamespace(Side.A), "ip", "-d", "link", "show").contains("prog/xdp"),
                "nothing attached");
        lab.stopGateway(Side.A);
    }

    private String show(final Side side, final String... args) {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        final int exit = XgateCli.run(List.of(args), Map.of("XGATE_SOCKET", lab.socket(side).toString()),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, exit, err.toString(StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }
}
