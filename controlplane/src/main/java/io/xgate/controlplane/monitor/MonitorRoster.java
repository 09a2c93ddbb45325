package io.xgate.controlplane.monitor;

import io.xgate.controlplane.config.TunnelGroup;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The monitors and tunnel groups of one config, as {@link TunnelMonitors} runs them. A commit gets the next roster
 * from the current one — monitors and groups whose configuration did not change carry on with their state, the
 * others start afresh — and a reverted commit hands back the roster it replaced. Opaque outside the package.
 */
public final class MonitorRoster {
    static final MonitorRoster EMPTY = new MonitorRoster(List.of(), List.of());

    final List<ProbeMonitor> monitors;
    final List<GroupSwitch> groups;
    final Map<Integer, ProbeMonitor> byTunnelId = new HashMap<>();
    final Map<String, ProbeMonitor> byName = new LinkedHashMap<>();
    final Map<String, GroupSwitch> groupOf = new LinkedHashMap<>();

    private MonitorRoster(final List<ProbeMonitor> monitors, final List<GroupSwitch> groups) {
        this.monitors = List.copyOf(monitors);
        this.groups = List.copyOf(groups);
        for (final ProbeMonitor monitor : monitors) {
            byTunnelId.put(monitor.target().tunnelId(), monitor);
            byName.put(monitor.target().tunnel(), monitor);
        }
        for (final GroupSwitch group : groups) {
            groupOf.put(group.group().primary(), group);
            groupOf.put(group.group().secondary(), group);
        }
    }

    /**
     * The roster for {@code targets} and {@code tunnelGroups}, keeping what is configured as before.
     *
     * @throws IllegalArgumentException when a group's primary is not monitored (the validator refuses that config)
     */
    MonitorRoster next(final List<MonitorTarget> targets, final List<TunnelGroup> tunnelGroups,
                       final ProbeSender sender, final MonitorClock clock) {
        final List<ProbeMonitor> nextMonitors = new ArrayList<>();
        final Map<String, ProbeMonitor> nextByName = new HashMap<>();
        for (final MonitorTarget target : targets) {
            final ProbeMonitor current = byName.get(target.tunnel());
            final ProbeMonitor monitor = current != null && current.target().equals(target) ? current
                    : new ProbeMonitor(target, sender, clock);
            nextMonitors.add(monitor);
            nextByName.put(target.tunnel(), monitor);
        }
        final List<GroupSwitch> nextGroups = new ArrayList<>();
        for (final TunnelGroup group : tunnelGroups) {
            final ProbeMonitor primary = nextByName.get(group.primary());
            if (primary == null) {
                throw new IllegalArgumentException("tunnel-groups[" + group.name() + "]: the primary "
                        + group.primary() + " has no tunnel monitor");
            }
            final GroupSwitch current = groups.stream().filter(g -> g.group().equals(group) && g.primary() == primary)
                    .findFirst().orElse(null);
            nextGroups.add(current != null ? current : new GroupSwitch(group, primary, clock));
        }
        return new MonitorRoster(nextMonitors, nextGroups);
    }

    /** The tunnels whose routes the monitors steer: every monitored tunnel, and both tunnels of every group. */
    Set<String> steered() {
        final Set<String> steered = new LinkedHashSet<>(byName.keySet());
        steered.addAll(groupOf.keySet());
        return steered;
    }
}
