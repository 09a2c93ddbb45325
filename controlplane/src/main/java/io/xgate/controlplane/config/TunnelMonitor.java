package io.xgate.controlplane.config;

import io.xgate.dataplane.packet.IpAddress;
import java.util.Optional;

/** Probes through the tunnel; the profile says what to do when they stop coming back. */
public record TunnelMonitor(boolean enable, Optional<IpAddress> destinationIp, Optional<String> proxyId,
                            String tunnelMonitorProfile) {

    public static final TunnelMonitor DISABLED =
            new TunnelMonitor(false, Optional.empty(), Optional.empty(), MonitorProfile.DEFAULT_NAME);
}
