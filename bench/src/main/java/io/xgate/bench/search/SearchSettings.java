package io.xgate.bench.search;

import io.xgate.bench.traffic.FrameSizes;
import java.time.Duration;

/**
 * An RFC 2544 §26.1 throughput search: trials of {@code trialDuration} between 0 and {@code maxPps}, bisected
 * until the pass/fail bounds are {@code resolutionPps} apart; NDR passes with no loss at all, PDR with a loss
 * ratio up to {@code pdrLossRatio}.
 */
public record SearchSettings(FrameSizes sizes, double maxPps, double resolutionPps, Duration trialDuration,
                             double pdrLossRatio) {
    public SearchSettings {
        if (!(maxPps > 0) || !(resolutionPps > 0) || resolutionPps > maxPps) {
            throw new IllegalArgumentException("need 0 < resolution <= max rate: " + resolutionPps + ", " + maxPps);
        }
        if (!(pdrLossRatio >= 0) || pdrLossRatio >= 1) {
            throw new IllegalArgumentException("PDR loss ratio must be in [0, 1): " + pdrLossRatio);
        }
        if (trialDuration.isNegative() || trialDuration.isZero()) {
            throw new IllegalArgumentException("trial duration must be positive: " + trialDuration);
        }
    }
}
