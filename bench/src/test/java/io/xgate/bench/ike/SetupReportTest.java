package io.xgate.bench.ike;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SetupReportTest {
    private static SetupRun run(final String dut, final int run, final double seconds, final long before,
                                final long after) {
        return new SetupRun(dut, run, 100, 100, 0, seconds, 100, 0.2, 0.3, before, after, null);
    }

    private final SetupReport report = new SetupReport(100, 32,
            Map.of("xgate", "heap", "strongswan", "rss"), List.of(
            run("xgate", 0, 10, 1_000_000, 1_102_400), run("strongswan", 0, 1, 5_000_000, 5_204_800),
            run("xgate", 1, 0.5, -1, -1), run("strongswan", 1, 1, -1, -1),
            run("xgate", 2, 0.25, -1, -1), run("strongswan", 2, 0.5, -1, -1),
            run("xgate", 3, 1, -1, -1), run("strongswan", 3, 0.4, -1, -1)));

    @Test
    void theMedianLeavesTheWarmUpRunOutAndTheRatioIsToStrongswan() {
        assertEquals(200, report.medianRate("xgate"), 1e-9);       // 200, 400, 100 setups/s
        assertEquals(200, report.medianRate("strongswan"), 1e-9);  // 100, 200, 250
        assertEquals(1.0, report.ratio("xgate"), 1e-9);
        assertEquals("strongswan", report.baseline());
        assertEquals(2.0, report.medianCpuMillis("xgate"), 1e-9);  // 0.2 s over 100 SAs
        assertEquals(3.0, report.medianInitiatorCpuMillis("xgate"), 1e-9);
    }

    @Test
    void memoryPerSaComesFromTheFirstRun() {
        assertEquals(1024, report.memoryPerSa("xgate"), 1e-9);
        assertEquals(2048, report.memoryPerSa("strongswan"), 1e-9);
    }

    @Test
    void theTableAndJsonCarryEveryRun() {
        final String xgate = "| xgate | 200, 400, 100 | **200** | 1.00x | 2.00 ms | 3.00 ms | 1.0 KiB (heap) |";
        assertTrue(report.table().contains(xgate), report.table());
        final JsonNode json = report.json();
        assertEquals("ike-setup", json.path("test").asText());
        assertEquals(8, json.path("runs").size());
        assertTrue(json.path("runs").path(0).path("warmUp").asBoolean());
        assertEquals(1_102_400, json.path("runs").path(0).path("memoryAfterBytes").asLong());
        assertEquals(200, json.path("duts").path(1).path("medianSetupsPerSecond").asDouble(), 1e-9);
    }

    @Test
    void anEvenNumberOfRunsTakesTheMeanOfTheMiddleTwo() {
        final SetupReport two = new SetupReport(100, 32, Map.of(), List.of(run("xgate", 1, 1, -1, -1),
                run("xgate", 2, 0.5, -1, -1)));
        assertEquals(150, two.medianRate("xgate"), 1e-9);
        assertEquals("xgate", two.baseline());
    }
}
