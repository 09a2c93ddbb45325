package io.xgate.bench.search;

import io.xgate.bench.traffic.TrialResult;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 2544 §26.1 throughput by binary search, for the no-drop rate (NDR: no frame lost) and the partial-drop
 * rate (PDR: loss ratio at most the threshold). Every trial narrows both searches: for a threshold, the lower
 * bound is the highest rate that passed it, the upper bound the lowest that failed, so the PDR search starts
 * from what the NDR search already learned. The first trial is at the maximum rate, as the RFC begins at the
 * medium's maximum. A trial where the generator fell short of the offered rate fails: the rate was not offered.
 */
public final class ThroughputSearch {
    /** Told before each trial and after it, e.g. to show progress. */
    public interface Listener {
        Listener NONE = new Listener() {
            @Override
            public void trialStarting(final int index, final double ratePps, final int trialsLeft) {
            }

            @Override
            public void trialDone(final TrialResult result) {
            }
        };

        /** {@code trialsLeft}: this one and those the current search still needs at most (PDR's not counted before it starts). */
        void trialStarting(int index, double ratePps, int trialsLeft);

        void trialDone(TrialResult result);
    }

    private final Dut dut;
    private final SearchSettings settings;
    private final Listener listener;
    private final List<TrialResult> trials = new ArrayList<>();

    private ThroughputSearch(final Dut dut, final SearchSettings settings, final Listener listener) {
        this.dut = dut;
        this.settings = settings;
        this.listener = listener;
    }

    public static SearchResult run(final Dut dut, final SearchSettings settings, final Listener listener) {
        final ThroughputSearch search = new ThroughputSearch(dut, settings, listener);
        final TrialResult ndr = search.highestPassing(0);
        final TrialResult pdr = search.highestPassing(settings.pdrLossRatio());
        return new SearchResult(dut.name(), settings, rate(ndr), ndr, rate(pdr), pdr, search.trials);
    }

    /** Bisects until the bounds for {@code lossRatio} are within the resolution; the best passing trial or null. */
    private TrialResult highestPassing(final double lossRatio) {
        while (true) {
            TrialResult best = null;
            double failed = Double.POSITIVE_INFINITY;
            for (final TrialResult t : trials) {
                if (passes(t, lossRatio)) {
                    best = best == null || t.offeredPps() > best.offeredPps() ? t : best;
                } else {
                    failed = Math.min(failed, t.offeredPps());
                }
            }
            final double passed = rate(best);
            final double next;
            if (failed == Double.POSITIVE_INFINITY) {
                if (best != null) {
                    return best; // the maximum rate passed
                }
                next = settings.maxPps();
            } else if (failed - passed <= settings.resolutionPps()) {
                return best;
            } else {
                next = (passed + failed) / 2;
            }
            final int left = failed == Double.POSITIVE_INFINITY
                    ? 1 + halvings(settings.maxPps()) : halvings(failed - passed);
            listener.trialStarting(trials.size() + 1, next, left);
            final TrialResult result = dut.runTrial(next, settings.sizes(), settings.trialDuration());
            trials.add(result);
            listener.trialDone(result);
        }
    }

    /** Trials a bisection of {@code span} needs to get within the resolution. */
    private int halvings(final double span) {
        return Math.max(1, (int) Math.ceil(Math.log(span / settings.resolutionPps()) / Math.log(2)));
    }

    static boolean passes(final TrialResult t, final double lossRatio) {
        return t.generatorKeptUp() && t.lost() <= lossRatio * t.sent();
    }

    private static double rate(final TrialResult t) {
        return t == null ? 0 : t.offeredPps();
    }
}
