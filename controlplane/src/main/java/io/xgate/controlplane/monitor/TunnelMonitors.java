package io.xgate.controlplane.monitor;

import io.xgate.controlplane.config.MonitorProfile;
import io.xgate.controlplane.config.TunnelGroup;
import io.xgate.dataplane.worker.ProbeReplyListener;
import java.lang.System.Logger.Level;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Every tunnel monitor and tunnel group of the gateway, on the control thread: {@link #tick()} probes and times
 * out, {@link #onProbeReply} feeds the replies the worker recognised. Each state change is logged, counted in its
 * {@link TunnelStatus}, acted on — {@code wait-recover} asks for a rekey and keeps the routes, {@code fail-over}
 * withdraws the tunnel's routes while it is down, a tunnel group installs only its active tunnel's routes — and
 * published to the {@link TunnelStateListener}s. Commits {@link #reconfigure} it live; a reverted commit
 * {@link #restore}s the roster it replaced. {@link #statuses()} may be read from any thread.
 */
public final class TunnelMonitors implements ProbeReplyListener {
    private static final System.Logger LOG = System.getLogger(TunnelMonitors.class.getName());

    private final ProbeSender sender;
    private final MonitorClock clock;
    private final RouteControl routes;
    private final RekeyRequester rekeys;
    private MonitorRoster roster = MonitorRoster.EMPTY;
    /** Whether each tunnel the monitor steers has its routes installed; the applier installed them all. */
    private final Map<String, Boolean> routesInstalled = new LinkedHashMap<>();
    private final Map<String, TunnelStatus> statuses = new ConcurrentHashMap<>();
    private final Map<String, TunnelGroupStatus> groupStatuses = new ConcurrentHashMap<>();
    private final List<TunnelStateListener> listeners = new CopyOnWriteArrayList<>();

    /** No monitors until the first {@link #reconfigure}. */
    public TunnelMonitors(final ProbeSender sender, final RouteControl routes, final RekeyRequester rekeys,
                          final MonitorClock clock) {
        this.sender = sender;
        this.clock = clock;
        this.routes = routes;
        this.rekeys = rekeys;
    }

    /**
     * Monitors {@code targets} and steers {@code tunnelGroups} from now on: a monitor or group configured as before
     * carries on, a new or changed one starts (its first probe goes out on the next {@link #tick()}; a group starts
     * on its primary, so its secondary's routes are withdrawn), and a tunnel no longer steered gets its routes back.
     *
     * @return the roster replaced, for {@link #restore} when the commit is reverted
     * @throws IllegalArgumentException when a group's primary is not monitored (the validator refuses that config);
     *                                  nothing changed then
     */
    public MonitorRoster reconfigure(final List<MonitorTarget> targets, final List<TunnelGroup> tunnelGroups) {
        final MonitorRoster previous = roster;
        adopt(roster.next(targets, tunnelGroups, sender, clock));
        return previous;
    }

    /** Goes back to {@code previous}, as {@link #reconfigure} returned it; its monitors keep the state they had. */
    public void restore(final MonitorRoster previous) {
        adopt(previous);
    }

    private void adopt(final MonitorRoster next) {
        for (final ProbeMonitor monitor : next.monitors) {
            if (roster.byName.get(monitor.target().tunnel()) != monitor) {
                LOG.log(Level.INFO, "tunnel {0}: {1}, {2}", monitor.target().tunnel(), monitor.status().reason(),
                        monitor.target().profile().action().configName());
            }
        }
        for (final ProbeMonitor monitor : roster.monitors) {
            if (!next.byName.containsKey(monitor.target().tunnel())) {
                LOG.log(Level.INFO, "tunnel {0}: no longer monitored", monitor.target().tunnel());
            }
        }
        for (final GroupSwitch group : next.groups) {
            if (!roster.groups.contains(group)) {
                LOG.log(Level.INFO, "tunnel group {0}: primary {1}, secondary {2}, hold-down {3}; traffic on {4}",
                        group.group().name(), group.group().primary(), group.group().secondary(),
                        ProbeMonitor.seconds(group.group().holdDown().toNanos()), group.active());
            }
        }
        roster = next;
        statuses.keySet().retainAll(next.byName.keySet());
        next.monitors.forEach(m -> statuses.put(m.target().tunnel(), m.status()));
        groupStatuses.keySet().retainAll(next.groups.stream().map(g -> g.group().name()).toList());
        next.groups.forEach(g -> groupStatuses.put(g.group().name(), g.status()));
        final Set<String> steered = next.steered();
        routesInstalled.entrySet().removeIf(entry -> {
            if (steered.contains(entry.getKey())) {
                return false;
            }
            if (!entry.getValue()) {
                routes.install(entry.getKey(), "no longer steered by a tunnel monitor or group");
            }
            return true;
        });
        steered.forEach(tunnel -> routesInstalled.putIfAbsent(tunnel, true));
        applyRoutes();
    }

    public void addListener(final TunnelStateListener listener) {
        listeners.add(listener);
    }

    /** Every monitored tunnel's status, by name; safe from any thread. */
    public List<TunnelStatus> statuses() {
        return statuses.values().stream().sorted(Comparator.comparing(TunnelStatus::tunnel)).toList();
    }

    /** The tunnel's monitor status, when it is monitored; safe from any thread. */
    public Optional<TunnelStatus> status(final String tunnel) {
        return Optional.ofNullable(statuses.get(tunnel));
    }

    /** Every tunnel group's status, by name; safe from any thread. */
    public List<TunnelGroupStatus> groupStatuses() {
        return groupStatuses.values().stream().sorted(Comparator.comparing(TunnelGroupStatus::group)).toList();
    }

    /** Times out and probes at the clock's current time; returns how many states changed. */
    public int tick() {
        final long now = clock.nanoTime();
        int changes = 0;
        for (final ProbeMonitor monitor : roster.monitors) {
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
        final ProbeMonitor monitor = roster.byTunnelId.get(tunnelId);
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
        for (final GroupSwitch group : roster.groups) {
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
        final GroupSwitch group = roster.groupOf.get(tunnel);
        if (group != null) {
            return group.active().equals(tunnel);
        }
        final ProbeMonitor monitor = roster.byName.get(tunnel);
        return monitor.target().profile().action() != MonitorProfile.Action.FAIL_OVER
                || monitor.status().state() != TunnelState.DOWN;
    }

    private String routeReason(final String tunnel) {
        final GroupSwitch group = roster.groupOf.get(tunnel);
        return group != null ? "tunnel group " + group.group().name() + ": " + group.status().reason()
                : "tunnel monitor " + roster.byName.get(tunnel).status().state().label() + ", fail-over";
    }
}
