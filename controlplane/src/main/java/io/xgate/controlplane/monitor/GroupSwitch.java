package io.xgate.controlplane.monitor;

import io.xgate.controlplane.config.TunnelGroup;

/**
 * Chooses which tunnel of a primary/secondary group carries the traffic: the primary, except while its monitor
 * says it is down; back to the primary once it has been up for the group's hold-down (a primary that fails again
 * within the hold-down never gets the traffic back, so a flapping path does not flap the traffic).
 */
final class GroupSwitch {
    private final TunnelGroup group;
    private final ProbeMonitor primary;
    private final MonitorClock clock;
    private final long holdDownNanos;
    private TunnelGroupStatus status;

    GroupSwitch(final TunnelGroup group, final ProbeMonitor primary, final MonitorClock clock) {
        this.group = group;
        this.primary = primary;
        this.clock = clock;
        this.holdDownNanos = group.holdDown().toNanos();
        this.status = new TunnelGroupStatus(group.name(), group.primary(), clock.wallTime(), "primary by default", 0);
    }

    TunnelGroup group() {
        return group;
    }

    ProbeMonitor primary() {
        return primary;
    }

    TunnelGroupStatus status() {
        return status;
    }

    String active() {
        return status.active();
    }

    /** Re-decides after a monitor change or as time passes; returns the new status on a switch, else null. */
    TunnelGroupStatus evaluate(final long now) {
        final TunnelState state = primary.status().state();
        final boolean onPrimary = status.active().equals(group.primary());
        if (onPrimary && state == TunnelState.DOWN) {
            return switchTo(group.secondary(), "primary " + group.primary() + " is down");
        }
        if (!onPrimary && state == TunnelState.UP && now - primary.stateSinceNanos() >= holdDownNanos) {
            return switchTo(group.primary(), "primary " + group.primary() + " up for the hold-down of "
                    + ProbeMonitor.seconds(holdDownNanos));
        }
        return null;
    }

    private TunnelGroupStatus switchTo(final String tunnel, final String reason) {
        status = new TunnelGroupStatus(group.name(), tunnel, clock.wallTime(), reason, status.switches() + 1);
        return status;
    }
}
