package io.xgate.controlplane.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.xgate.controlplane.daemon.TwoGatewayLab.Side;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Two {@code xgate run} gateways joined by two WAN paths, a primary and a secondary Manual Key tunnel (one per path),
 * each monitored every 0.2 s with threshold 3, while host-a sends host-b a numbered datagram every 5 ms. Breaking
 * the primary path (link down, or an nftables drop that leaves the link up) moves the traffic to the secondary
 * within interval × threshold + 1 s, measured from the lost numbers; mending it brings the traffic back. Needs
 * root, nft, python3.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FailoverNamespaceTest {
    private static final int SEND_EVERY_MILLIS = 5;
    /** 0.2 s × 3, plus the second the issue allows for switching routes. */
    private static final long OUTAGE_BOUND_MILLIS = 200 * 3 + 1000;
    private static final long LOG_WAIT_MILLIS = 10_000;
    /** Longer than the hold-down of 1 s the group uses. */
    private static final long STEADY_MILLIS = 1500;
    private TwoGatewayLab lab;

    @BeforeAll
    void buildTopology() throws IOException {
        lab = new TwoGatewayLab(2);
    }

    @AfterAll
    void removeTopology() throws IOException {
        lab.close();
    }

    @ParameterizedTest
    @EnumSource(PathCut.class)
    void theGroupMovesTrafficToTheSecondaryWhenThePrimaryPathBreaksAndBackAfterTheHoldDown(final PathCut cut)
            throws Exception {
        final FailoverSetup setup = FailoverSetup.group("0.2s", 3, "1s");
        final int mark = start(setup);
        final SequencedTraffic traffic = SequencedTraffic.start(lab, SEND_EVERY_MILLIS, 7);
        Thread.sleep(1500);
        final long secondaryBefore = lab.counter(Side.A, "tunnel tunnel.2: packets-out");

        cut.cut(lab, 0);
        lab.awaitLog(Side.A, mark, "tunnel group branch: traffic on secondary", LOG_WAIT_MILLIS);
        Thread.sleep(1000);
        assertTrue(lab.counter(Side.A, "tunnel tunnel.2: packets-out") > secondaryBefore + 100,
                "the secondary carries the traffic");
        cut.restore(lab, 0);
        lab.awaitLog(Side.A, mark, "tunnel group branch: traffic on primary", LOG_WAIT_MILLIS);
        final long primaryBack = lab.counter(Side.A, "tunnel tunnel.1: packets-out");
        Thread.sleep(500);
        assertTrue(lab.counter(Side.A, "tunnel tunnel.1: packets-out") > primaryBack + 50,
                "the primary carries the traffic again");
        final SequencedTraffic.Result result = traffic.finish();

        System.out.printf("failover (%s): outages %s ms, %d of %d delivered%n", cut, result.outagesMillis(),
                result.delivered(), result.sent());
        assertFalse(result.outagesMillis().isEmpty(), "cutting the primary path cost packets");
        assertTrue(result.outagesMillis().getFirst() <= OUTAGE_BOUND_MILLIS, "failover outage "
                + result.outagesMillis() + " ms; gw-a:\n" + Files.readString(lab.log(Side.A)));
        assertTrue(result.longestMillis() <= OUTAGE_BOUND_MILLIS, "returning to the primary costs no more");
        final String log = lab.logSince(Side.A, mark);
        assertTrue(log.contains("route via-primary 198.18.2.0/24 into primary withdrawn"), log);
        assertTrue(log.contains("route via-primary 198.18.2.0/24 into primary restored"), log);
    }

    @Test
    void waitRecoverKeepsTheRouteAndRecoversWhileAMonitorNobodyAnswersStaysDownWithoutFlapping() throws Exception {
        final int mark = start(new FailoverSetup("wait-recover", "0.2s", 3, null, "198.18.254.99"));
        final SequencedTraffic traffic = SequencedTraffic.start(lab, SEND_EVERY_MILLIS, 6);
        Thread.sleep(1500);

        PathCut.LINK_DOWN.cut(lab, 0);
        lab.awaitLog(Side.A, mark, "tunnel primary: up -> down", LOG_WAIT_MILLIS);
        Thread.sleep(1000);
        PathCut.LINK_DOWN.restore(lab, 0);
        lab.awaitLog(Side.A, mark, "tunnel primary: down -> up", LOG_WAIT_MILLIS);
        final long primaryBack = lab.counter(Side.A, "tunnel tunnel.1: packets-out");
        Thread.sleep(500);
        assertTrue(lab.counter(Side.A, "tunnel tunnel.1: packets-out") > primaryBack + 50,
                "traffic flows through the primary again");
        final SequencedTraffic.Result result = traffic.finish();

        final String whole = Files.readString(lab.log(Side.A));
        final String log = lab.logSince(Side.A, mark);
        assertFalse(whole.contains("withdrawn"), "wait-recover keeps the routes:\n" + whole);
        assertTrue(log.contains("tunnel primary is down") && log.contains("manual keys cannot be renegotiated"), log);
        assertEquals(List.of("init -> down"), changes(whole, "secondary"),
                "an unanswered monitor goes down once and stays down");
        assertEquals(List.of("up -> down", "down -> up"), changes(log, "primary"));
        assertEquals(1, result.outagesMillis().size(), "one outage, while the path was cut: " + result);
    }

    /**
     * Starts both gateways and waits for the steady state — the primary answering and, with a group, the hold-down
     * over (a gateway that starts before its peer sees the primary down first) — then returns gw-a's log mark.
     */
    private int start(final FailoverSetup setup) throws Exception {
        lab.startGateways(setup.config(lab, Side.A), setup.config(lab, Side.B));
        lab.awaitLog(Side.A, 0, "tunnel primary: \\w+ -> up", LOG_WAIT_MILLIS);
        Thread.sleep(STEADY_MILLIS);
        return lab.logMark(Side.A);
    }

    /** The state changes the log shows for one tunnel, in order ("init -> up", ...). */
    private static List<String> changes(final String log, final String tunnel) {
        return Pattern.compile("tunnel " + tunnel + ": (\\w+ -> \\w+) \\(").matcher(log).results()
                .map(m -> m.group(1)).toList();
    }
}
