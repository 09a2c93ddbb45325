package io.xgate.controlplane.daemon;

import io.xgate.controlplane.config.DeviceConfig;
import io.xgate.controlplane.monitor.MonitorRoster;
import io.xgate.controlplane.monitor.MonitorTarget;
import io.xgate.controlplane.monitor.TunnelMonitors;
import java.util.List;

/**
 * The tunnel monitors' part of a commit, all of it live: tunnels added or removed, a changed tunnel-monitor,
 * monitor profile or tunnel group. Monitors and groups configured as before carry on with their state, changed
 * ones restart, and the monitor's route withdrawals follow their tunnels; a reverted commit puts back the monitors,
 * groups and withdrawals it found. Control thread only.
 */
final class MonitorCommits {
    private final TunnelMonitors monitors;
    private final TunnelRoutes routes;

    MonitorCommits(final TunnelMonitors monitors, final TunnelRoutes routes) {
        this.monitors = monitors;
        this.routes = routes;
    }

    /**
     * Last in a commit: the tunnels and routes the monitors steer are in place by then. {@code targets} are
     * {@code after}'s ({@link MonitorPlan}), resolved before the commit touched anything.
     */
    void apply(final DeviceConfig before, final DeviceConfig after, final List<MonitorTarget> targets,
               final UndoLog undo) {
        routes.use(after);
        final MonitorRoster previous;
        try {
            previous = monitors.reconfigure(targets, after.tunnelGroups());
        } catch (final IllegalArgumentException e) {
            routes.use(before);
            throw e;
        }
        // One step, names first: the restored monitors withdraw tunnels by their names in the config before.
        undo.push(() -> {
            routes.use(before);
            monitors.restore(previous);
        });
    }
}
