package io.xgate.controlplane.daemon;

import io.xgate.controlplane.config.DeviceConfig;
import io.xgate.controlplane.config.IpsecTunnel;
import io.xgate.controlplane.config.TunnelInterface;
import io.xgate.controlplane.monitor.MonitorTarget;
import io.xgate.dataplane.packet.IpAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * Which tunnels the monitor probes, resolved from a validated config: every enabled ipsec-tunnel with its
 * tunnel-monitor on, probing from its tunnel interface's first address of the destination's family that is not
 * anycast ({@link OwnAddresses#source}).
 */
final class MonitorPlan {
    private MonitorPlan() {
    }

    static List<MonitorTarget> targets(final DeviceConfig config, final PortMacs macs) {
        final OwnAddresses own = new OwnAddresses(config, macs);
        final List<MonitorTarget> targets = new ArrayList<>();
        for (final IpsecTunnel tunnel : config.ipsecTunnels()) {
            final var monitor = tunnel.tunnelMonitor();
            if (tunnel.disabled() || !monitor.enable() || monitor.destinationIp().isEmpty()) {
                continue;
            }
            final var destination = monitor.destinationIp().get();
            final TunnelInterface tunnelInterface = config.interfaces().tunnel().stream()
                    .filter(t -> t.name().equals(tunnel.tunnelInterface())).findFirst().orElseThrow();
            final IpAddress source = own.source(tunnelInterface, destination.family())
                    .orElseThrow(() -> new IllegalArgumentException(tunnelInterface.name() + " has no IPv"
                            + destination.family() + " address to probe from (anycast ones are never a source)"));
            targets.add(new MonitorTarget(tunnel.name(), DeviceLayout.tunnelId(tunnel.tunnelInterface()),
                    source, destination,
                    config.findMonitorProfile(monitor.tunnelMonitorProfile()).orElseThrow()));
        }
        return targets;
    }
}
