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
 *
 * <p>The search is driven from outside — {@link #nextRate()}, run the trial, {@link #record} — so several DUTs'
 * searches can take turns trial by trial ({@link InterleavedSearch}); {@link #run} drives one to the end.
 */
public final class ThroughputSearch {
    /** Told before each trial and after it, e.g. to show progress. */
    public interface Listener {
        Listener NONE = new Listener() {
            @Override
            public void trialStarting(final String dut, final int index, final double ratePps, final int trialsLeft) {
            }

            @Override
            public void trialDone(final String dut, final TrialResult result) {
            }
        };

        /** {@code trialsLeft}: this one and those the current search still needs at most (PDR's not counted before it starts). */
        void trialStarting(String dut, int index, double ratePps, int trialsLeft);

        void trialDone(String dut, TrialResult result);
    }

    private final String dut;
    private final SearchSettings settings;
    private final List<TrialResult> trials = new ArrayList<>();
    /** Which rate is being searched for: NDR first, then PDR. */
    private enum Phase { NDR, PDR, DONE }

    private Phase phase = Phase.NDR;
    private TrialResult ndr;
    private TrialResult pdr;

    public ThroughputSearch(final String dut, final SearchSettings settings) {
        this.dut = dut;
        this.settings = settings;
    }

    public static SearchResult run(final Dut dut, final SearchSettings settings, final Listener listener) {
        final ThroughputSearch search = new ThroughputSearch(dut.name(), settings);
        for (double rate = search.nextRate(); !Double.isNaN(rate); rate = search.nextRate()) {
            search.runTrial(dut, rate, listener);
        }
        return search.result();
    }

    /** Runs one trial at {@code rate} (from {@link #nextRate()}) and records it. */
    void runTrial(final Dut target, final double rate, final Listener listener) {
        listener.trialStarting(dut, trials.size() + 1, rate, trialsLeft());
        final TrialResult result = target.runTrial(rate, settings.sizes(), settings.trialDuration());
        record(result);
        listener.trialDone(dut, result);
    }

    /** The rate the next trial should offer, or NaN once NDR and PDR are both known. */
    public double nextRate() {
        while (phase != Phase.DONE) {
            final Bounds b = bounds(lossRatio());
            if (b.failed() == Double.POSITIVE_INFINITY) {
                if (b.best() == null) {
                    return settings.maxPps();
                }
            } else if (!settings.resolved(b.passed(), b.failed())) {
                return (b.passed() + b.failed()) / 2;
            }
            // This threshold is settled (or the maximum rate passed it): keep its trial, go on to the next.
            if (phase == Phase.NDR) {
                ndr = b.best();
                phase = Phase.PDR;
            } else {
                pdr = b.best();
                phase = Phase.DONE;
            }
        }
        return Double.NaN;
    }

    public void record(final TrialResult result) {
        trials.add(result);
    }

    /** Valid once {@link #nextRate()} returned NaN. */
    public SearchResult result() {
        if (phase != Phase.DONE) {
            throw new IllegalStateException("the search for " + dut + " is not finished");
        }
        return new SearchResult(dut, settings, rate(ndr), ndr, rate(pdr), pdr, trials);
    }

    public String dut() {
        return dut;
    }

    /** The loss ratio the current phase allows. */
    private double lossRatio() {
        return phase == Phase.NDR ? 0 : settings.pdrLossRatio();
    }

    /** For the current threshold: the best passing trial (or null) and the lowest failing rate. */
    private record Bounds(TrialResult best, double failed) {
        double passed() {
            return rate(best);
        }
    }

    private Bounds bounds(final double ratio) {
        TrialResult best = null;
        double failed = Double.POSITIVE_INFINITY;
        for (final TrialResult t : trials) {
            if (passes(t, ratio)) {
                best = best == null || t.offeredPps() > best.offeredPps() ? t : best;
            } else {
                failed = Math.min(failed, t.offeredPps());
            }
        }
        return new Bounds(best, failed);
    }

    /** This trial and the ones the current bisection still needs at most, for progress estimates. */
    private int trialsLeft() {
        final Bounds b = bounds(lossRatio());
        final double span = b.failed() == Double.POSITIVE_INFINITY ? settings.maxPps() : b.failed() - b.passed();
        final double step = Math.max(settings.resolutionPps(), settings.resolutionRatio() * Math.max(b.passed(),
                span / 2));
        return Math.max(1, (int) Math.ceil(Math.log(span / step) / Math.log(2)));
    }

    static boolean passes(final TrialResult t, final double lossRatio) {
        return t.generatorKeptUp() && t.lost() <= lossRatio * t.sent();
    }

    private static double rate(final TrialResult t) {
        return t == null ? 0 : t.offeredPps();
    }
}
