package io.xgate.controlplane.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.xgate.controlplane.api.ManagementClient;
import io.xgate.controlplane.api.ManagementException;
import io.xgate.controlplane.daemon.TwoGatewayLab.Side;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
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
 * within interval × threshold + 1 s, measured from the lost numbers; mending it brings the traffic back. The
 * management API shows and streams what the monitors see, and a commit reshapes the monitors live. Needs root, nft,
 * python3.
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

    @Test
    void showAndTheEventStreamFollowTheMonitorAndACommitWithoutTheGroupGivesTheSecondaryItsRouteBackLive()
            throws Exception {
        final FailoverSetup setup = FailoverSetup.group("0.2s", 3, "1s");
        final int mark = start(setup);
        awaitActive(Side.A, "primary"); // a peer that started late may have sent the traffic over for a moment
        awaitUp(Side.A, "primary");
        awaitUp(Side.A, "secondary"); // each monitor comes up with its own first reply, not with the group's switch
        final String primarySince = monitor(Side.A, "primary").path("since").asText();
        final long switches = group(Side.A).path("switches").asLong();
        assertEquals(List.of("tunnel tunnel.2, withdrawn by the tunnel monitor"), adjacencies(Side.A, "198.18.2.0/24",
                "tunnel.2"), "the group's secondary is withdrawn, and show routing route says so");

        final BlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();
        try (ManagementClient subscriber = ManagementClient.connect(lab.socket(Side.A))) {
            final Thread reader = Thread.ofVirtual().start(() -> {
                try {
                    subscriber.subscribe(e -> events.add(e.path("event")));
                } catch (final IOException | ManagementException e) {
                    // Closing the client ends the subscription.
                }
            });
            Thread.sleep(500); // the subscription registers once the daemon read its request
            PathCut.LINK_DOWN.cut(lab, 0);
            lab.awaitLog(Side.A, mark, "tunnel group branch: traffic on secondary", LOG_WAIT_MILLIS);
            final JsonNode down = awaitEvent(events, "tunnel");
            assertEquals("primary", down.path("tunnel").asText());
            assertEquals("down", down.path("state").asText());
            assertTrue(down.path("reason").asText().startsWith("no reply to 3 probes"), down.toString());
            final JsonNode switched = awaitEvent(events, "tunnel-group");
            assertEquals("secondary", switched.path("active").asText());
            assertEquals(switches + 1, switched.path("switches").asLong());
            subscriber.close();
            reader.join(5000);
        }
        assertEquals("down", monitor(Side.A, "primary").path("state").asText());
        assertEquals("secondary", group(Side.A).path("active").asText());
        assertEquals(List.of("tunnel tunnel.1, withdrawn by the tunnel monitor"), adjacencies(Side.A, "198.18.2.0/24",
                "tunnel.1"));
        PathCut.LINK_DOWN.restore(lab, 0);
        lab.awaitLog(Side.A, mark, "tunnel group branch: traffic on primary", LOG_WAIT_MILLIS);
        final String upAgain = monitor(Side.A, "primary").path("since").asText();
        assertFalse(upAgain.equals(primarySince), "the monitor's since moved with its state");

        final int commitMark = lab.logMark(Side.A);
        call(Side.A, "config.load", Map.of("yaml", new FailoverSetup("fail-over", "0.2s", 3, null, null)
                .config(lab, Side.A)));
        call(Side.A, "commit", Map.of("comment", "no group"));
        final String log = lab.logSince(Side.A, commitMark);
        assertTrue(log.contains("route via-secondary 198.18.2.0/24 into secondary restored (tunnel monitor up"), log);
        assertFalse(log.contains("withdrawn"), "no route fights the commit:\n" + log);
        assertEquals(List.of("tunnel tunnel.2"), adjacencies(Side.A, "198.18.2.0/24", "tunnel.2"));
        assertEquals(upAgain, monitor(Side.A, "primary").path("since").asText(), "an unchanged monitor carries on");
        assertEquals(0, call(Side.A, "show.vpn.tunnel-group", Map.of()).path("groups").size());
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

    private JsonNode call(final Side side, final String cmd, final Map<String, ?> args) throws Exception {
        try (ManagementClient client = ManagementClient.connect(lab.socket(side))) {
            return client.call(cmd, args);
        }
    }

    /** {@code show vpn tunnel}'s monitor object of {@code tunnel}. */
    private JsonNode monitor(final Side side, final String tunnel) throws Exception {
        for (final JsonNode t : call(side, "show.vpn.tunnel", Map.of()).path("tunnels")) {
            if (t.path("name").asText().equals(tunnel)) {
                return t.path("monitor");
            }
        }
        throw new AssertionError("no tunnel " + tunnel);
    }

    /** {@code show vpn tunnel-group}'s only group. */
    private JsonNode group(final Side side) throws Exception {
        final JsonNode groups = call(side, "show.vpn.tunnel-group", Map.of()).path("groups");
        assertEquals(1, groups.size(), groups.toString());
        return groups.path(0);
    }

    /** Waits until {@code show vpn tunnel-group} says {@code tunnel} carries the group's traffic. */
    private void awaitActive(final Side side, final String tunnel) throws Exception {
        final long deadline = System.currentTimeMillis() + LOG_WAIT_MILLIS;
        while (!group(side).path("active").asText().equals(tunnel)) {
            assertTrue(System.currentTimeMillis() < deadline, "never active: " + tunnel + ", " + group(side));
            Thread.sleep(100);
        }
    }

    private void awaitUp(final Side side, final String tunnel) throws Exception {
        final long deadline = System.currentTimeMillis() + LOG_WAIT_MILLIS;
        while (!monitor(side, tunnel).path("state").asText().equals("up")) {
            assertTrue(System.currentTimeMillis() < deadline, "monitor never up: " + tunnel + ", "
                    + monitor(side, tunnel));
            Thread.sleep(100);
        }
    }

    /** The adjacencies {@code show routing route} lists for {@code destination} into {@code tunnelInterface}. */
    private List<String> adjacencies(final Side side, final String destination, final String tunnelInterface)
            throws Exception {
        final List<String> found = new ArrayList<>();
        for (final JsonNode r : call(side, "show.routing.route", Map.of()).path("routes")) {
            if (r.path("destination").asText().equals(destination)
                    && r.path("interfaceName").asText().equals(tunnelInterface)) {
                found.add(r.path("adjacency").asText());
            }
        }
        return found;
    }

    /** The next event of {@code type}, skipping others (e.g. the secondary's own changes). */
    private static JsonNode awaitEvent(final BlockingQueue<JsonNode> events, final String type)
            throws InterruptedException {
        final long deadline = System.currentTimeMillis() + LOG_WAIT_MILLIS;
        while (System.currentTimeMillis() < deadline) {
            final JsonNode event = events.poll(100, TimeUnit.MILLISECONDS);
            if (event != null && event.path("type").asText().equals(type)) {
                return event;
            }
        }
        throw new AssertionError("no " + type + " event");
    }

    /** The state changes the log shows for one tunnel, in order ("init -> up", ...). */
    private static List<String> changes(final String log, final String tunnel) {
        return Pattern.compile("tunnel " + tunnel + ": (\\w+ -> \\w+) \\(").matcher(log).results()
                .map(m -> m.group(1)).toList();
    }
}
