package io.xgate.bench.report;

import java.util.Locale;

/** How reports write rates and durations. */
public final class Units {
    private Units() {
    }

    public static String rate(final double pps) {
        if (pps >= 1e6) {
            return String.format(Locale.ROOT, "%.3f Mpps", pps / 1e6);
        }
        return String.format(Locale.ROOT, "%.1f kpps", pps / 1e3);
    }

    public static String duration(final long nanos) {
        final long seconds = Math.round(nanos / 1e9);
        return seconds < 60 ? seconds + " s" : seconds / 60 + " min " + seconds % 60 + " s";
    }
}
