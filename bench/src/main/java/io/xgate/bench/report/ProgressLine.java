package io.xgate.bench.report;

import io.xgate.bench.search.ThroughputSearch;
import io.xgate.bench.traffic.TrialProgress;
import io.xgate.bench.traffic.TrialResult;
import java.io.PrintStream;
import java.util.Locale;

/**
 * The live status of a long run on one line of stderr, rewritten about once a second: trial number, offered
 * rate, frames sent and received, loss so far (frames still in flight count as lost until they land), time
 * elapsed and an estimate of what is left; each finished trial leaves a line of its own.
 */
public final class ProgressLine implements TrialProgress, ThroughputSearch.Listener {
    private final PrintStream out;
    private final long trialNs;
    private final long startNs = System.nanoTime();
    private String dut = "";
    private int trial;
    private int trialsLeft = 1;

    /** @param trialNs how long one trial takes, drain included, for the estimate of the time left */
    public ProgressLine(final PrintStream out, final long trialNs) {
        this.out = out;
        this.trialNs = trialNs;
    }

    @Override
    public void trialStarting(final String name, final int index, final double ratePps, final int left) {
        dut = name;
        trial = index;
        trialsLeft = left;
    }

    /** For runs without a search: the trial count is known up front. */
    public void trialStarting(final String name, final int index, final int left) {
        trialStarting(name, index, 0, left);
    }

    @Override
    public void update(final double offeredPps, final long sent, final long received, final long elapsedNs,
                       final long durationNs) {
        final double loss = sent == 0 ? 0 : 100.0 * Math.max(0, sent - received) / sent;
        final long leftNs = Math.max(0, durationNs - elapsedNs) + (long) (trialsLeft - 1) * trialNs;
        out.printf(Locale.ROOT, "\r%s trial %d | offered %s | sent %d, received %d | loss %.3f%% | %s elapsed, ~%s left   ",
                dut, trial, Units.rate(offeredPps), sent, received, loss, Units.duration(System.nanoTime() - startNs),
                Units.duration(leftNs));
        out.flush();
    }

    @Override
    public void trialDone(final String name, final TrialResult r) {
        out.printf(Locale.ROOT, "\r%s trial %d, %s B: offered %s, sent %s, received %s, lost %d (%.4f%%), reordered %d, "
                        + "duplicates %d, sink drops %d%s%n", name, trial, r.frameSizes(), Units.rate(r.offeredPps()), Units.rate(r.sentPps()),
                Units.rate(r.receivedPps()), r.lost(), 100 * r.lossRatio(), r.reordered(), r.duplicates(),
                r.sinkDrops(), r.generatorKeptUp() ? "" : " (generator fell short of the offered rate)");
        out.flush();
    }
}
