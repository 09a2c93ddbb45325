package io.xgate.controlplane.monitor;

import java.time.Instant;

/**
 * One tunnel group: which of its tunnels carries the traffic.
 *
 * @param group    the tunnel-group's name
 * @param active   the ipsec-tunnel whose routes are installed (the primary or the secondary)
 * @param since    when it became the active one (wall clock)
 * @param reason   why, in words
 * @param switches switches since the monitor started
 */
public record TunnelGroupStatus(String group, String active, Instant since, String reason, long switches) {
}
