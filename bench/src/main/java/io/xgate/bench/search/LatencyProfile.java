package io.xgate.bench.search;

import io.xgate.bench.traffic.FrameSizes;
import io.xgate.bench.traffic.TrialResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** One trial per fraction of the NDR (e.g. 10%, 50%, 90%), each keeping its latency histogram. */
public final class LatencyProfile {
    /** A trial at {@code fraction} × NDR. */
    public record Point(double fraction, TrialResult result) {
    }

    private LatencyProfile() {
    }

    public static List<Point> run(final Dut dut, final double ndrPps, final List<Double> fractions,
                                  final FrameSizes sizes, final Duration duration,
                                  final ThroughputSearch.Listener listener) {
        if (!(ndrPps > 0)) {
            throw new IllegalArgumentException("latency needs a positive NDR to take fractions of: " + ndrPps);
        }
        final List<Point> points = new ArrayList<>();
        for (final double fraction : fractions) {
            final double rate = fraction * ndrPps;
            listener.trialStarting(dut.name(), points.size() + 1, rate, fractions.size() - points.size());
            final TrialResult result = dut.runTrial(rate, sizes, duration);
            listener.trialDone(dut.name(), result);
            points.add(new Point(fraction, result));
        }
        return points;
    }
}
