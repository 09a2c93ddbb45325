package io.xgate.bench.report;

import java.util.List;
import java.util.Locale;

/** The latency percentiles of several runs side by side, in microseconds. */
public final class PercentileTable {
    public static final double[] PERCENTILES = {50, 90, 99, 99.9, 99.99};

    private PercentileTable() {
    }

    public static String render(final List<LatencyRun> runs) {
        final int width = Math.max(12, runs.stream().mapToInt(r -> r.label().length()).max().orElse(0));
        final StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%-" + width + "s %12s %9s", "run", "rate", "frames"));
        for (final double p : PERCENTILES) {
            b.append(String.format(Locale.ROOT, " %9s", "p" + label(p)));
        }
        b.append(String.format(Locale.ROOT, " %9s%n", "max"));
        for (final LatencyRun run : runs) {
            b.append(String.format(Locale.ROOT, "%-" + width + "s %12s %9d", run.label(), Units.rate(run.ratePps()),
                    run.latency().getTotalCount()));
            for (final double p : PERCENTILES) {
                b.append(String.format(Locale.ROOT, " %9.1f", micros(run.latency().getValueAtPercentile(p))));
            }
            b.append(String.format(Locale.ROOT, " %9.1f%n", micros(run.latency().getMaxValue())));
        }
        return b.append("(one-way latency, microseconds)").append(System.lineSeparator()).toString();
    }

    static String label(final double percentile) {
        return percentile == Math.rint(percentile) ? Long.toString((long) percentile) : Double.toString(percentile);
    }

    static double micros(final long nanos) {
        return nanos / 1e3;
    }
}
