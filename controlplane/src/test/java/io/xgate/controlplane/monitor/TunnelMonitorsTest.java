package io.xgate.controlplane.monitor;

import static io.xgate.controlplane.config.MonitorProfile.Action.FAIL_OVER;
import static io.xgate.controlplane.config.MonitorProfile.Action.WAIT_RECOVER;
import static io.xgate.controlplane.monitor.MonitorHarness.target;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.xgate.controlplane.config.TunnelGroup;
import io.xgate.dataplane.packet.IpAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The monitor state machine and its actions on a stepped clock (10 ms steps, 10 ms round trips). */
class TunnelMonitorsTest {
    private static final String SUB_SECOND = "PT0.2S";

    @Test
    void probesGoOutEveryIntervalFromTheTunnelAddressWithRisingSequenceNumbers() {
        final MonitorHarness h = new MonitorHarness().start(List.of(target("to-b", 1, FAIL_OVER, SUB_SECOND, 3)),
                List.of());
        h.run(1000);

        assertEquals(6, h.probes.size(), "one probe at the first tick, then one per 200 ms");
        for (int i = 0; i < h.probes.size(); i++) {
            final MonitorHarness.Probe probe = h.probes.get(i);
            assertEquals(1, probe.tunnelId());
            assertEquals(IpAddress.parse("198.18.255.1"), probe.source());
            assertEquals(IpAddress.parse("198.18.255.101"), probe.destination());
            assertEquals(i + 1, probe.sequence());
            if (i > 0) {
                assertEquals(1000 + 200L * i, probe.atMillis(), "on the interval's grid from the start");
            }
        }
    }

    @Test
    void aTunnelIsUpOnTheFirstReplyDownAfterThresholdTimesIntervalWithoutAndUpAgainWhenRepliesResume() {
        final MonitorHarness h = new MonitorHarness().start(List.of(target("to-b", 1, FAIL_OVER, SUB_SECOND, 3)),
                List.of());
        assertEquals(TunnelState.INIT, h.state("to-b"));
        h.pathUp(1);
        h.run(100);
        assertEquals(TunnelState.UP, h.state("to-b"));

        h.run(1000);
        h.pathDown(1);
        while (h.state("to-b") == TunnelState.UP) {
            h.run(MonitorHarness.STEP_MILLIS);
        }
        assertEquals(600, h.millis() - h.lastReplyMillis, "down after 3 x 200 ms without a reply");
        final TunnelStatus down = h.events.getLast();
        assertEquals(TunnelState.DOWN, down.state());
        assertTrue(down.reason().startsWith("no reply to 3 probes to 198.18.255.101 in 0.6 s"), down.reason());

        h.pathUp(1);
        h.run(210);
        assertEquals(TunnelState.UP, h.state("to-b"));
        assertTrue(h.events.getLast().reason().contains("resumed"), h.events.getLast().reason());
        assertEquals(List.of(TunnelState.UP, TunnelState.DOWN, TunnelState.UP),
                h.events.stream().map(TunnelStatus::state).toList(), "every change published");
        assertEquals(3, h.monitors.statuses().getFirst().changes(), "and counted");
    }

    @Test
    void failOverWithdrawsTheTunnelsRoutesWhileItIsDownAndRestoresThem() {
        final MonitorHarness h = new MonitorHarness().start(List.of(target("to-b", 1, FAIL_OVER, SUB_SECOND, 3)),
                List.of());
        h.pathUp(1);
        h.run(500);
        assertEquals(List.of(), h.routeChanges, "routes stay while the tunnel is up");
        h.pathDown(1);
        h.run(1000);
        h.pathUp(1);
        h.run(500);

        assertEquals(2, h.routeChanges.size(), h.routeChanges.toString());
        assertTrue(h.routeChanges.get(0).startsWith("-to-b"));
        assertTrue(h.routeChanges.get(1).startsWith("+to-b"));
        assertEquals(List.of(), h.rekeys, "fail-over does not rekey");
    }

    @Test
    void waitRecoverKeepsTheRoutesAndAsksForARekeyWhenTheTunnelGoesDown() {
        final MonitorHarness h = new MonitorHarness().start(List.of(target("to-b", 1, WAIT_RECOVER, "PT3S", 5)),
                List.of());
        h.pathUp(1);
        h.run(4000);
        h.pathDown(1);
        h.run(20_000);
        assertEquals(TunnelState.DOWN, h.state("to-b"));
        h.pathUp(1);
        h.run(4000);

        assertEquals(TunnelState.UP, h.state("to-b"));
        assertEquals(List.of(), h.routeChanges, "wait-recover never touches the routes");
        assertEquals(1, h.rekeys.size());
        assertTrue(h.rekeys.getFirst().startsWith("to-b: no reply to 5 probes"), h.rekeys.getFirst());
    }

    @Test
    void aDestinationThatNeverAnswersTakesTheTunnelDownOnceAndKeepsItDownWithoutFlapping() {
        final MonitorHarness h = new MonitorHarness().start(List.of(target("to-b", 1, FAIL_OVER, SUB_SECOND, 3)),
                List.of());
        h.run(30_000);

        assertEquals(List.of(TunnelState.DOWN), h.events.stream().map(TunnelStatus::state).toList());
        assertEquals(1, h.routeChanges.size());
        assertEquals(151, h.probes.size(), "probing goes on while down, so recovery is noticed");
    }

    @Test
    void repliesToProbesOlderThanTheThresholdAndForUnknownTunnelsAreIgnored() {
        final MonitorHarness h = new MonitorHarness().start(List.of(target("to-b", 1, FAIL_OVER, SUB_SECOND, 3)),
                List.of());
        h.run(2000);
        assertEquals(TunnelState.DOWN, h.state("to-b"));
        final int last = h.probes.getLast().sequence();

        h.monitors.onProbeReply(1, last - 3, h.nanoTime());
        h.monitors.onProbeReply(2, last, h.nanoTime());
        assertEquals(TunnelState.DOWN, h.state("to-b"));
        h.monitors.onProbeReply(1, last - 2, h.nanoTime());
        assertEquals(TunnelState.UP, h.state("to-b"), "a late reply to a recent probe still shows the path works");
    }

    @Test
    void theSecondaryCarriesTheTrafficWhileThePrimaryIsDownAndThePrimaryGetsItBackAfterTheHoldDown() {
        final MonitorHarness h = new MonitorHarness().start(List.of(target("primary", 1, FAIL_OVER, SUB_SECOND, 3),
                        target("secondary", 2, FAIL_OVER, SUB_SECOND, 3)),
                List.of(new TunnelGroup("branch", "primary", "secondary", Duration.ofSeconds(2))));
        assertEquals(List.of("-secondary@1000"), h.routeChanges, "only the primary's routes from the start");
        h.pathUp(1);
        h.pathUp(2);
        h.run(1000);

        h.pathDown(1);
        h.run(1000);
        assertEquals("secondary", h.monitors.groupStatuses().getFirst().active());
        assertEquals(List.of("+secondary", "-primary"), tunnels(h.routeChanges.subList(1, 3)),
                "the secondary's routes go in before the primary's go out");

        h.pathUp(1);
        h.run(1000);
        assertEquals(TunnelState.UP, h.state("primary"));
        assertEquals("secondary", h.monitors.groupStatuses().getFirst().active(), "held down");
        h.run(1300);
        assertEquals("primary", h.monitors.groupStatuses().getFirst().active());
        assertEquals(List.of("+primary", "-secondary"), tunnels(h.routeChanges.subList(3, 5)));
        assertEquals(2, h.groupEvents.size());
        assertTrue(h.groupEvents.getLast().reason().contains("hold-down of 2.0 s"), h.groupEvents.getLast().reason());
    }

    @Test
    void aPrimaryThatFlapsWithinTheHoldDownNeverGetsTheTrafficBack() {
        final MonitorHarness h = new MonitorHarness().start(List.of(target("primary", 1, FAIL_OVER, SUB_SECOND, 3)),
                List.of(new TunnelGroup("branch", "primary", "secondary", Duration.ofSeconds(3))));
        h.pathUp(1);
        h.run(500);
        for (int flap = 0; flap < 5; flap++) {
            h.pathDown(1);
            h.run(1000);
            h.pathUp(1);
            h.run(1500);
        }

        assertEquals("secondary", h.monitors.groupStatuses().getFirst().active());
        assertEquals(1, h.groupEvents.size(), "one switch to the secondary, none back");
    }

    @Test
    void aGroupWhosePrimaryIsNotMonitoredIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new MonitorHarness().start(List.of(),
                List.of(new TunnelGroup("branch", "primary", "secondary", Duration.ofSeconds(3)))));
    }

    @Test
    void aCommitKeepsUnchangedMonitorsRestartsChangedOnesAndItsRevertBringsBackTheMonitorsAndGroupsAsTheyWere() {
        final MonitorTarget primary = target("primary", 1, FAIL_OVER, SUB_SECOND, 3);
        final MonitorHarness h = new MonitorHarness().start(List.of(primary,
                        target("secondary", 2, FAIL_OVER, SUB_SECOND, 3)),
                List.of(new TunnelGroup("branch", "primary", "secondary", Duration.ofSeconds(2))));
        h.pathUp(1);
        h.pathUp(2);
        h.run(500);
        final TunnelStatus primaryUp = h.monitors.status("primary").orElseThrow();

        // The commit slows the secondary's monitor down and removes the group.
        final MonitorRoster before = h.monitors.reconfigure(List.of(primary,
                target("secondary", 2, FAIL_OVER, "PT1S", 3)), List.of());
        assertSame(primaryUp, h.monitors.status("primary").orElseThrow(), "an unchanged monitor carries on");
        assertEquals(TunnelState.INIT, h.state("secondary"), "a changed monitor starts over");
        assertEquals(List.of(), h.monitors.groupStatuses());
        assertEquals(List.of("-secondary@1000", "+secondary@1500"), h.routeChanges,
                "out of the group, the secondary's routes come back");

        h.monitors.restore(before);
        assertEquals(TunnelState.UP, h.state("secondary"), "the revert brings back the monitor with its state");
        assertEquals("primary", h.monitors.groupStatuses().getFirst().active());
        assertEquals("-secondary@1500", h.routeChanges.getLast(), "and the group's withdrawal");
    }

    @Test
    void aTunnelNoLongerMonitoredGetsItsWithdrawnRoutesBackAndARefusedReconfigurationChangesNothing() {
        final MonitorHarness h = new MonitorHarness().start(List.of(target("to-b", 1, FAIL_OVER, SUB_SECOND, 3)),
                List.of());
        h.run(1000);
        assertEquals(List.of("-to-b"), tunnels(h.routeChanges));

        assertThrows(IllegalArgumentException.class, () -> h.monitors.reconfigure(List.of(),
                List.of(new TunnelGroup("branch", "to-b", "to-c", Duration.ofSeconds(3)))));
        assertEquals(TunnelState.DOWN, h.state("to-b"));
        assertEquals(List.of("-to-b"), tunnels(h.routeChanges));

        h.monitors.reconfigure(List.of(), List.of());
        assertEquals(List.of(), h.monitors.statuses());
        assertEquals(List.of("-to-b", "+to-b"), tunnels(h.routeChanges));
        final int probes = h.probes.size();
        h.run(1000);
        assertEquals(probes, h.probes.size(), "no probing for a tunnel no longer monitored");
    }

    private static List<String> tunnels(final List<String> changes) {
        return changes.stream().map(c -> c.substring(0, c.indexOf('@'))).toList();
    }
}
