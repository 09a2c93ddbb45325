package io.xgate.controlplane.monitor;

import java.time.Instant;

/**
 * One monitored tunnel as {@code show vpn tunnel} and the event stream report it.
 *
 * @param tunnel  the ipsec-tunnel's name
 * @param state   the monitor's state
 * @param since   when the state was entered (wall clock)
 * @param reason  why, in words (e.g. "no reply to 3 probes to 198.18.255.2 in 0.6 s")
 * @param changes state changes since the monitor started
 */
public record TunnelStatus(String tunnel, TunnelState state, Instant since, String reason, long changes) {
}
