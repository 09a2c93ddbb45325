package io.xgate.controlplane.monitor;

import io.xgate.controlplane.config.MonitorProfile;
import io.xgate.controlplane.config.TunnelGroup;
import io.xgate.dataplane.worker.ProbeReplyListener;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Every tunnel monitor and tunnel group of the gateway, on the control thread: {@link #tick()} probes and times
 * out, {@link #onProbeReply} feeds the replies the worker recognised. Each state change is logged, counted in its
 * {@link TunnelStatus}, acted on — {@code wait-recover} asks for a rekey and keeps the routes, {@code fail-over}
 * withdraws the tunnel's routes while it is down, a tunnel group installs only its active tunnel's routes — and
 * published to the {@link TunnelStateListener}s. {@link #statuses()} may be read from any thread.
 */
public final class TunnelMonitors implements ProbeReplyListener {
    private static final System.Logger LOG = System.getLogger(TunnelMonitors.class.getName());

    private final MonitorClock clock;
    private final RouteControl routes;
    private final RekeyRequester rekeys;
    private final List<ProbeMonitor> monitors = new ArrayList<>();
    private final Map<Integer, ProbeMonitor> byTunnelId = new HashMap<>();
    private final Map<String, ProbeMonitor> byName = new HashMap<>();
    private final List<GroupSwitch> groups = new ArrayList<>();
    private final Map<String, GroupSwitch> groupOf = new HashMap<>();
    /** Whether each tunnel the monitor steers has its routes installed; the applier installed them all. */
    private final Map<String, Boolean> routesInstalled = new LinkedHashMap<>();
    private final Map<String, TunnelStatus> statuses = new ConcurrentHashMap<>();
    private final Map<String, TunnelGroupStatus> groupStatuses = new ConcurrentHashMap<>();
    private final List<TunnelStateListener> listeners = new CopyOnWriteArrayList<>();

    /**
     * Starts monitoring (the first probes go out on the first {@link #tick()}) and withdraws the routes of every
     * group's secondary, so the primary carries the traffic from the start.
     *
     * @throws IllegalArgumentException when a group's primary is not monitored (the validator refuses that config)
     */
    public TunnelMonitors(final List<MonitorTarget> targets, final List<TunnelGroup> tunnelGroups,
                          final ProbeSender sender, final RouteControl routes, final RekeyRequester rekeys,
                          final MonitorClock clock) {
        this.clock = clock;
        this.routes = routes;
        this.rekeys = rekeys;
        for (final MonitorTarget target : targets) {
            final ProbeMonitor monitor = new ProbeMonitor(target, sender, clock);
            monitors.add(monitor);
            byTunnelId.put(target.tunnelId(), monitor);
            byName.put(target.tunnel(), monitor);
            statuses.put(target.tunnel(), monitor.status());
            routesInstalled.put(target.tunnel(), true);
            LOG.log(Level.INFO, "tunnel {0}: {1}, {2}", target.tunnel(), monitor.status().reason(),
                    target.profile().action().configName());
        }
        for (final TunnelGroup group : tunnelGroups) {
            final ProbeMonitor primary = byName.get(group.primary());
            if (primary == null) {
                throw new IllegalArgumentException("tunnel-groups[" + group.name() + "]: the primary "
                        + group.primary() + " has no tunnel monitor");
            }
            final GroupSwitch groupSwitch = new GroupSwitch(group, primary, clock);
            groups.add(groupSwitch);
            groupOf.put(group.primary(), groupSwitch);
            groupOf.put(group.secondary(), groupSwitch);
            groupStatuses.put(group.name(), groupSwitch.status());
            routesInstalled.put(group.primary(), true);
            routesInstalled.put(group.secondary(), true);
            LOG.log(Level.INFO, "tunnel group {0}: primary {1}, secondary {2}, hold-down {3}", group.name(),
                    group.primary(), group.secondary(), ProbeMonitor.seconds(group.holdDown().toNanos()));
        }
        applyRoutes();
    }

    public void addListener(final TunnelStateListener listener) {
        listeners.add(listener);
    }

    /** Every monitored tunnel's status, by name; safe from any thread. */
    public List<TunnelStatus> statuses() {
        return statuses.values().stream().sorted(Comparator.comparing(TunnelStatus::tunnel)).toList();
    }

    /** Every tunnel group's status, by name; safe from any thread. */
    public List<TunnelGroupStatus> groupStatuses() {
        return groupStatuses.values().stream().sorted(Comparator.comparing(TunnelGroupStatus::group)).toList();
    }

    /** Times out and probes at the clock's current time; returns how many states changed. */
    public int tick() {
        final long now = clock.nanoTime();
        int changes = 0;
        for (final ProbeMonitor monitor : monitors) {
            final TunnelState before = monitor.status().state();
            final TunnelStatus change = monitor.tick(now);
            if (change != null) {
                changed(monitor, before, change);
                changes++;
            }
        }
        return changes + evaluateGroups(now);
    }

    /** A reply the worker recognised; replies for tunnels not monitored here are ignored. */
    @Override
    public void onProbeReply(final int tunnelId, final int sequence, final long receivedNanos) {
        final ProbeMonitor monitor = byTunnelId.get(tunnelId);
        if (monitor == null) {
            return;
        }
        final TunnelState before = monitor.status().state();
        final TunnelStatus change = monitor.onReply(sequence, receivedNanos);
        if (change != null) {
            changed(monitor, before, change);
            evaluateGroups(clock.nanoTime());
        }
    }

    private void changed(final ProbeMonitor monitor, final TunnelState before, final TunnelStatus status) {
        LOG.log(Level.INFO, "tunnel {0}: {1} -> {2} ({3}; change {4})", status.tunnel(), before.label(),
                status.state().label(), status.reason(), status.changes());
        statuses.put(status.tunnel(), status);
        if (status.state() == TunnelState.DOWN
                && monitor.target().profile().action() == MonitorProfile.Action.WAIT_RECOVER) {
            rekeys.requestRekey(status.tunnel(), status.reason());
        }
        applyRoutes();
        listeners.forEach(l -> l.onTunnelStatus(status));
    }

    private int evaluateGroups(final long now) {
        int switches = 0;
        for (final GroupSwitch group : groups) {
            final TunnelGroupStatus status = group.evaluate(now);
            if (status != null) {
                LOG.log(Level.INFO, "tunnel group {0}: traffic on {1} ({2}; switch {3})", status.group(),
                        status.active(), status.reason(), status.switches());
                groupStatuses.put(status.group(), status);
                applyRoutes();
                listeners.forEach(l -> l.onGroupStatus(status));
                switches++;
            }
        }
        return switches;
    }

    /**
     * Brings each steered tunnel's routes in line with what its group or its monitor's action wants: installs
     * first, withdrawals second, so a switch between tunnels never leaves a moment without a route.
     */
    private void applyRoutes() {
        for (final boolean install : new boolean[] {true, false}) {
            for (final Map.Entry<String, Boolean> entry : routesInstalled.entrySet()) {
                final String tunnel = entry.getKey();
                if (entry.getValue() != install && wantsRoutes(tunnel) == install) {
                    entry.setValue(install);
                    if (install) {
                        routes.install(tunnel, routeReason(tunnel));
                    } else {
                        routes.withdraw(tunnel, routeReason(tunnel));
                    }
                }
            }
        }
    }

    private boolean wantsRoutes(final String tunnel) {
        final GroupSwitch group = groupOf.get(tunnel);
        if (group != null) {
            return group.active().equals(tunnel);
        }
        final ProbeMonitor monitor = byName.get(tunnel);
        return monitor.target().profile().action() != MonitorProfile.Action.FAIL_OVER
                || monitor.status().state() != TunnelState.DOWN;
    }

    private String routeReason(final String tunnel) {
        final GroupSwitch group = groupOf.get(tunnel);
        return group != null ? "tunnel group " + group.group().name() + ": " + group.status().reason()
                : "tunnel monitor " + byName.get(tunnel).status().state().label() + ", fail-over";
    }
}
