package io.xgate.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.xgate.bench.search.SearchResult;
import io.xgate.bench.search.SearchSettings;
import io.xgate.bench.traffic.FrameSizes;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThroughputTableTest {
    private static SearchResult result(final String dut, final FrameSizes sizes, final double ndr, final double pdr) {
        return new SearchResult(dut, new SearchSettings(sizes, 1e6, 1e3, Duration.ofSeconds(1), 0.001), ndr, null,
                pdr, null, List.of());
    }

    @Test
    void oneRowPerDutAndSizeWithMppsGbpsAndRatiosToTheFirstDut() {
        final FrameSizes small = FrameSizes.fixed(64);
        final FrameSizes imix = FrameSizes.imix();
        final String table = ThroughputTable.render(List.of(
                List.of(result("xgate", small, 200_000, 250_000), result("strongswan", small, 20_000, 25_000)),
                List.of(result("xgate", imix, 100_000, 100_000), result("strongswan", imix, 0, 0))));
        assertEquals("""
                | size | DUT | NDR Mpps | NDR Gbps | PDR Mpps | PDR Gbps | NDR vs xgate | PDR vs xgate |
                |---|---|---:|---:|---:|---:|---:|---:|
                | 64 | xgate | 0.200 | 0.102 | 0.250 | 0.128 | 100% | 100% |
                | 64 | strongswan | 0.020 | 0.010 | 0.025 | 0.013 | 10% | 10% |
                | imix | xgate | 0.100 | 0.283 | 0.100 | 0.283 | 100% | 100% |
                | imix | strongswan | 0.000 | 0.000 | 0.000 | 0.000 | 0% | 0% |
                """, table.replace(System.lineSeparator(), "\n"));
    }

    @Test
    void aReferenceThatPassedNothingHasNoRatios() {
        final FrameSizes small = FrameSizes.fixed(64);
        final String table = ThroughputTable.render(List.of(
                List.of(result("a", small, 0, 0), result("b", small, 1_000, 1_000))));
        assertEquals("| 64 | b | 0.001 | 0.001 | 0.001 | 0.001 | - | - |", table.lines().toList().getLast());
    }
}
