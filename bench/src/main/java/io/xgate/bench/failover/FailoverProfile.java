package io.xgate.bench.failover;

import java.time.Duration;
import java.util.Locale;

/**
 * One monitor profile the failover benchmark measures, with the tunnel group's hold-down and the goal
 * for the outage (first lost to first delivered packet).
 */
record FailoverProfile(String name, Duration interval, int threshold, Duration holdDown, Duration goal, int runs) {
    /** PAN-OS's default profile, 3 s × 5; each run waits up to 15 s for the detection. */
    static FailoverProfile panosDefault(final int runs) {
        return new FailoverProfile("default 3 s x 5", Duration.ofSeconds(3), 5, Duration.ofSeconds(3),
                Duration.ofSeconds(15), runs);
    }

    static FailoverProfile subSecond(final int runs) {
        return new FailoverProfile("sub-second 100 ms x 3", Duration.ofMillis(100), 3, Duration.ofSeconds(1),
                Duration.ofMillis(500), runs);
    }

    /** interval × threshold: how long the monitor waits without replies. */
    Duration detection() {
        return interval.multipliedBy(threshold);
    }

    /** As the config writes it: whole seconds as a number (PAN-OS), else xgate's "0.1s". */
    String intervalText() {
        return interval.toMillis() % 1000 == 0 ? String.valueOf(interval.toSeconds()) : seconds(interval);
    }

    String holdDownText() {
        return seconds(holdDown);
    }

    private static String seconds(final Duration d) {
        return String.format(Locale.ROOT, "%.3fs", d.toMillis() / 1000.0).replaceAll("\\.?0+s$", "s");
    }
}
