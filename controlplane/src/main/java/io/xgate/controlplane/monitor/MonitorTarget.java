package io.xgate.controlplane.monitor;

import io.xgate.controlplane.config.MonitorProfile;
import io.xgate.dataplane.packet.IpAddress;

/**
 * A tunnel to monitor, resolved from the config: probes go from {@code source} (the tunnel interface's address) to
 * {@code destination} through the worker's tunnel {@code tunnelId}, timed and acted on by {@code profile}.
 */
public record MonitorTarget(String tunnel, int tunnelId, IpAddress source, IpAddress destination,
                            MonitorProfile profile) {
}
