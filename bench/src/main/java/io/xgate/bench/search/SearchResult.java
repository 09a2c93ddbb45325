package io.xgate.bench.search;

import io.xgate.bench.traffic.TrialResult;
import java.util.List;

/**
 * The outcome of a throughput search: NDR and PDR in frames per second (0 when no rate passed), the trial that
 * established each (null when none did), and every trial in the order it ran.
 */
public record SearchResult(String dut, SearchSettings settings, double ndrPps, TrialResult ndrTrial, double pdrPps,
                           TrialResult pdrTrial, List<TrialResult> trials) {
    public SearchResult {
        trials = List.copyOf(trials);
    }
}
