package io.xgate.bench.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.xgate.bench.traffic.FrameSizes;
import io.xgate.bench.traffic.TrialResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThroughputSearchTest {
    private static final double MAX = 1_000_000;
    private static final double RESOLUTION = 1_000;

    @Test
    void ndrConvergesBelowTheDutsCapacityWithinTheResolution() {
        final SyntheticDut dut = new SyntheticDut(377_000);
        final SearchResult r = ThroughputSearch.run(dut, settings(0.01), ThroughputSearch.Listener.NONE);
        assertTrue(r.ndrPps() <= 377_000 && r.ndrPps() > 377_000 - RESOLUTION, "NDR " + r.ndrPps());
        assertEquals(0, r.ndrTrial().lost());
        // loss ratio (rate - capacity) / rate <= 1% up to capacity / 0.99
        final double pdr = 377_000 / 0.99;
        assertTrue(r.pdrPps() <= pdr && r.pdrPps() > pdr - RESOLUTION, "PDR " + r.pdrPps());
        assertTrue(dut.trials() <= 2 * (1 + Math.ceil(Math.log(MAX / RESOLUTION) / Math.log(2))), dut.trials() + " trials");
    }

    @Test
    void aDutFasterThanTheCeilingPassesAtTheFirstTrial() {
        final SyntheticDut dut = new SyntheticDut(2 * MAX);
        final SearchResult r = ThroughputSearch.run(dut, settings(0), ThroughputSearch.Listener.NONE);
        assertEquals(MAX, r.ndrPps());
        assertEquals(MAX, r.pdrPps());
        assertEquals(1, dut.trials(), "PDR reuses the NDR trial");
    }

    @Test
    void aDutThatDropsEverythingHasNoNdr() {
        final SearchResult r = ThroughputSearch.run(new SyntheticDut(0), settings(0.5), ThroughputSearch.Listener.NONE);
        assertEquals(0, r.ndrPps());
        assertNull(r.ndrTrial());
        assertEquals(0, r.pdrPps());
    }

    @Test
    void aRelativeResolutionGivesASlowDutTheSamePrecisionAsAFastOne() {
        final SearchSettings relative = new SearchSettings(FrameSizes.fixed(64), MAX, 100, 0.01, Duration.ofSeconds(1), 0);
        final SearchResult r = ThroughputSearch.run(new SyntheticDut(24_000), relative, ThroughputSearch.Listener.NONE);
        assertTrue(r.ndrPps() <= 24_000 && r.ndrPps() > 24_000 * 0.99, "NDR " + r.ndrPps());
    }

    @Test
    void interleavedSearchesTakeTurnsAndFindEachDutsOwnRate() {
        final List<String> order = new ArrayList<>();
        final ThroughputSearch.Listener listener = new ThroughputSearch.Listener() {
            @Override
            public void trialStarting(final String dut, final int index, final double ratePps, final int trialsLeft) {
                order.add(dut);
            }

            @Override
            public void trialDone(final String dut, final TrialResult result) {
            }
        };
        final List<SearchResult> results = InterleavedSearch.run(
                List.of(new SyntheticDut("fast", 377_000), new SyntheticDut("slow", 24_000)), settings(0), listener);
        assertEquals(List.of("fast", "slow"), results.stream().map(SearchResult::dut).toList());
        assertTrue(results.get(0).ndrPps() > 377_000 - RESOLUTION && results.get(0).ndrPps() <= 377_000);
        assertTrue(results.get(1).ndrPps() > 24_000 - RESOLUTION && results.get(1).ndrPps() <= 24_000);
        assertEquals(List.of("fast", "slow", "fast", "slow"), order.subList(0, 4), "turns, trial by trial");
    }

    private static SearchSettings settings(final double pdrLoss) {
        return new SearchSettings(FrameSizes.fixed(64), MAX, RESOLUTION, Duration.ofSeconds(1), pdrLoss);
    }
}
