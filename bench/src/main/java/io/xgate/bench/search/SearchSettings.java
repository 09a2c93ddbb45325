package io.xgate.bench.search;

import io.xgate.bench.traffic.FrameSizes;
import java.time.Duration;

/**
 * An RFC 2544 §26.1 throughput search: trials of {@code trialDuration} between 0 and {@code maxPps}, bisected
 * until the pass/fail bounds are {@code resolutionPps} apart, or {@code resolutionRatio} of the passing rate
 * (whichever is wider: a relative resolution gives a slow DUT and a fast one the same precision); NDR passes
 * with no loss at all, PDR with a loss ratio up to {@code pdrLossRatio}.
 */
public record SearchSettings(FrameSizes sizes, double maxPps, double resolutionPps, double resolutionRatio,
                             Duration trialDuration, double pdrLossRatio) {
    public SearchSettings {
        if (!(maxPps > 0) || !(resolutionPps > 0) || resolutionPps > maxPps) {
            throw new IllegalArgumentException("need 0 < resolution <= max rate: " + resolutionPps + ", " + maxPps);
        }
        if (!(resolutionRatio >= 0) || resolutionRatio >= 1) {
            throw new IllegalArgumentException("relative resolution must be in [0, 1): " + resolutionRatio);
        }
        if (!(pdrLossRatio >= 0) || pdrLossRatio >= 1) {
            throw new IllegalArgumentException("PDR loss ratio must be in [0, 1): " + pdrLossRatio);
        }
        if (trialDuration.isNegative() || trialDuration.isZero()) {
            throw new IllegalArgumentException("trial duration must be positive: " + trialDuration);
        }
    }

    /** An absolute resolution only. */
    public SearchSettings(final FrameSizes sizes, final double maxPps, final double resolutionPps,
                          final Duration trialDuration, final double pdrLossRatio) {
        this(sizes, maxPps, resolutionPps, 0, trialDuration, pdrLossRatio);
    }

    /** The same search for other frame sizes. */
    public SearchSettings withSizes(final FrameSizes other) {
        return new SearchSettings(other, maxPps, resolutionPps, resolutionRatio, trialDuration, pdrLossRatio);
    }

    /** Are bounds {@code passed} (highest passing rate, 0 if none) and {@code failed} close enough? */
    boolean resolved(final double passed, final double failed) {
        return failed - passed <= Math.max(resolutionPps, resolutionRatio * passed);
    }
}
