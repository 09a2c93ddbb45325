package io.xgate.bench.traffic;

import java.time.Duration;
import org.HdrHistogram.Histogram;

/**
 * What one trial at one offered rate saw. {@code lost} is sent minus received-once, so duplicates never hide
 * loss; {@code sinkDrops} are frames the sink's own socket dropped (part of {@code lost}, but the tester's
 * fault, not the DUT's). {@code latency} holds one-way latencies in nanoseconds (empty for a synthetic DUT).
 */
public record TrialResult(double offeredPps, String frameSizes, double meanFrameBytes, Duration duration, long sent,
                          long received, long lost, long reordered, long duplicates, long sinkDrops,
                          Histogram latency) {
    /** A generator that sent fewer than this share of the offered frames did not really offer the rate (the margin
     * absorbs the few milliseconds a shared host deschedules it for, which the token bucket forgives). */
    public static final double KEPT_UP = 0.95;

    public double lossRatio() {
        return sent == 0 ? 0 : (double) lost / sent;
    }

    /** The rate the generator actually sent at. */
    public double sentPps() {
        return sent / seconds();
    }

    public double receivedPps() {
        return received / seconds();
    }

    public boolean generatorKeptUp() {
        return sent >= KEPT_UP * offeredPps * seconds();
    }

    private double seconds() {
        return duration.toNanos() / 1e9;
    }
}
