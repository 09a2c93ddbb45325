package io.xgate.controlplane.monitor;

import io.xgate.controlplane.config.MonitorProfile;
import io.xgate.controlplane.config.TunnelGroup;
import io.xgate.dataplane.packet.IpAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@link TunnelMonitors} on a stepped clock, with peers that answer probes while their path is up (1 ms later),
 * and recorders for what the monitors did: probes, route changes, rekey requests, published events.
 */
final class MonitorHarness implements MonitorClock, ProbeSender, RouteControl, RekeyRequester, TunnelStateListener {
    static final long STEP_MILLIS = 10;
    private static final Instant EPOCH = Instant.parse("2026-11-27T08:00:00Z");

    record Probe(long atMillis, int tunnelId, IpAddress source, IpAddress destination, int sequence) {
    }

    private long nanos = 1_000_000_000L;
    private final Set<Integer> answering = new HashSet<>();
    private final List<Probe> waiting = new ArrayList<>();
    final List<Probe> probes = new ArrayList<>();
    /** "+tunnel" for an install, "-tunnel" for a withdrawal, with the time in ms. */
    final List<String> routeChanges = new ArrayList<>();
    final List<String> rekeys = new ArrayList<>();
    final List<TunnelStatus> events = new ArrayList<>();
    final List<TunnelGroupStatus> groupEvents = new ArrayList<>();
    TunnelMonitors monitors;
    long lastReplyMillis;

    static MonitorTarget target(final String name, final int tunnelId, final MonitorProfile.Action action,
                                final String interval, final int threshold) {
        return new MonitorTarget(name, tunnelId, IpAddress.parse("198.18.255.1"),
                IpAddress.parse("198.18.255." + (100 + tunnelId)), new MonitorProfile("mp-" + name, action,
                Duration.parse(interval), threshold));
    }

    MonitorHarness start(final List<MonitorTarget> targets, final List<TunnelGroup> groups) {
        monitors = new TunnelMonitors(this, this, this, this);
        monitors.reconfigure(targets, groups);
        monitors.addListener(this);
        return this;
    }

    void pathUp(final int tunnelId) {
        answering.add(tunnelId);
    }

    void pathDown(final int tunnelId) {
        answering.remove(tunnelId);
    }

    long millis() {
        return nanos / 1_000_000;
    }

    /** Steps the clock by {@link #STEP_MILLIS} until {@code millis} passed, ticking and delivering replies. */
    void run(final long millis) {
        for (long t = 0; t < millis; t += STEP_MILLIS) {
            nanos += STEP_MILLIS * 1_000_000;
            final List<Probe> due = List.copyOf(waiting);
            waiting.clear();
            for (final Probe probe : due) {
                monitors.onProbeReply(probe.tunnelId(), probe.sequence(), nanos);
                lastReplyMillis = millis();
            }
            monitors.tick();
        }
    }

    TunnelState state(final String tunnel) {
        return monitors.statuses().stream().filter(s -> s.tunnel().equals(tunnel)).findFirst().orElseThrow().state();
    }

    @Override
    public long nanoTime() {
        return nanos;
    }

    @Override
    public Instant wallTime() {
        return EPOCH.plusNanos(nanos);
    }

    @Override
    public boolean send(final int tunnelId, final IpAddress source, final IpAddress destination, final int sequence) {
        final Probe probe = new Probe(millis(), tunnelId, source, destination, sequence);
        probes.add(probe);
        if (answering.contains(tunnelId)) {
            waiting.add(probe); // answered on the next step: 10 ms round trip
        }
        return true;
    }

    @Override
    public void install(final String tunnel, final String reason) {
        routeChanges.add("+" + tunnel + "@" + millis());
    }

    @Override
    public void withdraw(final String tunnel, final String reason) {
        routeChanges.add("-" + tunnel + "@" + millis());
    }

    @Override
    public void requestRekey(final String tunnel, final String reason) {
        rekeys.add(tunnel + ": " + reason);
    }

    @Override
    public void onTunnelStatus(final TunnelStatus status) {
        events.add(status);
    }

    @Override
    public void onGroupStatus(final TunnelGroupStatus status) {
        groupEvents.add(status);
    }
}
