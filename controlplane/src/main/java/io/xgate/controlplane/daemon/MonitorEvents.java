package io.xgate.controlplane.daemon;

import io.xgate.controlplane.api.EventBus;
import io.xgate.controlplane.monitor.TunnelGroupStatus;
import io.xgate.controlplane.monitor.TunnelStateListener;
import io.xgate.controlplane.monitor.TunnelStatus;

/**
 * Every tunnel-monitor state change and tunnel-group switch on the management API's event stream
 * ({@code events.subscribe}), e.g. {@code {"type":"tunnel","tunnel":"to-b","state":"down","since":"...",
 * "reason":"no reply to 3 probes ...","changes":2}}. Publishing never blocks the control thread.
 */
final class MonitorEvents implements TunnelStateListener {
    /** A tunnel monitor's new state, as subscribers see it. */
    record TunnelEvent(String type, String tunnel, String state, String since, String reason, long changes) {
    }

    /** A tunnel group's switch, as subscribers see it. */
    record TunnelGroupEvent(String type, String group, String active, String since, String reason, long switches) {
    }

    private final EventBus events;

    MonitorEvents(final EventBus events) {
        this.events = events;
    }

    @Override
    public void onTunnelStatus(final TunnelStatus status) {
        events.publish(new TunnelEvent("tunnel", status.tunnel(), status.state().label(), status.since().toString(),
                status.reason(), status.changes()));
    }

    @Override
    public void onGroupStatus(final TunnelGroupStatus status) {
        events.publish(new TunnelGroupEvent("tunnel-group", status.group(), status.active(),
                status.since().toString(), status.reason(), status.switches()));
    }
}
