package io.xgate.controlplane.config;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** Monitor profile timing, and tunnel groups pairing two distinct existing tunnels. */
final class MonitorRules implements ValidationRule {
    static final IntRange INTERVAL_SECONDS = new IntRange(2, 100);
    static final IntRange THRESHOLD = new IntRange(2, 10);
    /** xgate's sub-second probing stops at 100 ms: faster would make one lost probe look like an outage. */
    private static final Duration MIN_SUB_SECOND = Duration.ofMillis(100);
    /** A hold-down beyond ten minutes would leave a recovered primary idle for longer than any outage it guards. */
    private static final Duration MAX_HOLD_DOWN = Duration.ofMinutes(10);

    @Override
    public void check(final DeviceConfig config, final ErrorCollector errors) {
        Section.MONITOR_PROFILES.each(config.monitorProfiles(), (profile, path) -> {
            if (!validInterval(profile.interval())) {
                errors.add(path.key("interval"), "must be " + INTERVAL_SECONDS + " seconds or a sub-second "
                        + "interval from \"0.1s\", got " + seconds(profile.interval()));
            }
            errors.checkRange(path.key("threshold"), THRESHOLD, profile.threshold());
        });
        final Map<String, String> groupOf = new HashMap<>();
        Section.TUNNEL_GROUPS.each(config.tunnelGroups(), (group, path) -> {
            for (final String role : new String[]{"primary", "secondary"}) {
                final String tunnel = role.equals("primary") ? group.primary() : group.secondary();
                References.resolve(errors, path.key(role), tunnel, config.ipsecTunnels(),
                        Section.IPSEC_TUNNELS.path().toString());
                final String other = groupOf.putIfAbsent(tunnel, group.name());
                if (other != null && !other.equals(group.name())) {
                    errors.add(path.key(role), tunnel + " is already in tunnel-groups[" + other + "]");
                }
            }
            if (group.primary().equals(group.secondary())) {
                errors.add(path.key("secondary"), "must differ from the primary " + group.primary());
            }
            if (group.holdDown().compareTo(MAX_HOLD_DOWN) > 0) {
                errors.add(path.key("hold-down"), "must be at most " + MAX_HOLD_DOWN.toSeconds() + "s, got "
                        + seconds(group.holdDown()));
            }
            config.findIpsecTunnel(group.primary()).filter(t -> !t.tunnelMonitor().enable()).ifPresent(t ->
                    errors.add(path.key("primary"), t.name() + " needs tunnel-monitor enabled: without it the group "
                            + "cannot tell that the primary is down"));
        });
    }

    private static boolean validInterval(final Duration interval) {
        final boolean wholeSeconds = interval.toMillis() % 1000 == 0;
        return wholeSeconds ? INTERVAL_SECONDS.contains(interval.toSeconds())
                : interval.compareTo(MIN_SUB_SECOND) >= 0 && interval.compareTo(Duration.ofSeconds(1)) < 0;
    }

    private static String seconds(final Duration interval) {
        return interval.toMillis() % 1000 == 0 ? interval.toSeconds() + "s" : interval.toMillis() / 1000.0 + "s";
    }
}
