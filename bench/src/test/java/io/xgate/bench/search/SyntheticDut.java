package io.xgate.bench.search;

import io.xgate.bench.traffic.FrameSizes;
import io.xgate.bench.traffic.TrialResult;
import java.time.Duration;
import org.HdrHistogram.Histogram;

/** A DUT that forwards everything up to {@code capacityPps} and drops the excess, like a queue that never grows. */
final class SyntheticDut implements Dut {
    private final String name;
    private final double capacityPps;
    private int trials;

    SyntheticDut(final double capacityPps) {
        this("synthetic", capacityPps);
    }

    SyntheticDut(final String name, final double capacityPps) {
        this.name = name;
        this.capacityPps = capacityPps;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public TrialResult runTrial(final double ratePps, final FrameSizes sizes, final Duration duration) {
        trials++;
        final double seconds = duration.toNanos() / 1e9;
        final long sent = Math.round(ratePps * seconds);
        final long received = Math.min(sent, (long) Math.floor(capacityPps * seconds));
        return new TrialResult(ratePps, sizes.label(), sizes.meanSize(), duration, sent, received, sent - received, 0, 0,
                0, new Histogram(3));
    }

    int trials() {
        return trials;
    }

    @Override
    public void close() {
    }
}
