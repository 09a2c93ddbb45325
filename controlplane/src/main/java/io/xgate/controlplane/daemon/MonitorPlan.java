package io.xgate.controlplane.daemon;

import io.xgate.controlplane.config.DeviceConfig;
import io.xgate.controlplane.config.IpsecTunnel;
import io.xgate.controlplane.config.TunnelInterface;
import io.xgate.controlplane.monitor.MonitorTarget;
import io.xgate.dataplane.packet.IpPrefix;
import java.util.ArrayList;
import java.util.List;

/**
 * Which tunnels the monitor probes, resolved from a validated config: every enabled ipsec-tunnel with its
 * tunnel-monitor on, probing from its tunnel interface's address of the destination's family.
 */
final class MonitorPlan {
    private MonitorPlan() {
    }

    static List<MonitorTarget> targets(final DeviceConfig config) {
        final List<MonitorTarget> targets = new ArrayList<>();
        for (final IpsecTunnel tunnel : config.ipsecTunnels()) {
            final var monitor = tunnel.tunnelMonitor();
            if (tunnel.disabled() || !monitor.enable() || monitor.destinationIp().isEmpty()) {
                continue;
            }
            final var destination = monitor.destinationIp().get();
            final TunnelInterface tunnelInterface = config.interfaces().tunnel().stream()
                    .filter(t -> t.name().equals(tunnel.tunnelInterface())).findFirst().orElseThrow();
            final IpPrefix source = DeviceLayout.addresses(tunnelInterface)
                    .filter(p -> p.address().family() == destination.family()).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(tunnelInterface.name() + " has no IPv"
                            + destination.family() + " address to probe from"));
            targets.add(new MonitorTarget(tunnel.name(), DeviceLayout.tunnelId(tunnel.tunnelInterface()),
                    source.address(), destination,
                    config.findMonitorProfile(monitor.tunnelMonitorProfile()).orElseThrow()));
        }
        return targets;
    }
}
