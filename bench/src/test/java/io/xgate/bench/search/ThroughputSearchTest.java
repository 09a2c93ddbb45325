package io.xgate.bench.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.xgate.bench.traffic.FrameSizes;
import java.time.Duration;
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

    private static SearchSettings settings(final double pdrLoss) {
        return new SearchSettings(FrameSizes.fixed(64), MAX, RESOLUTION, Duration.ofSeconds(1), pdrLoss);
    }
}
