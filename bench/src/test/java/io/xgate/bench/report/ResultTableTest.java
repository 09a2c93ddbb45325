package io.xgate.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The table of a canned JMH result (no JMH run): medians, unit conversions and ratios to the bare cipher. */
class ResultTableTest {
    private static final double EPSILON = 1e-9;

    private static List<Measurement> canned() throws IOException {
        try (InputStream json = ResultTableTest.class.getResourceAsStream("jmh-canned.json")) {
            return JmhJson.read(json);
        }
    }

    private static ResultTable.Line line(final List<ResultTable.Line> lines, final String suite, final String op) {
        return lines.stream().filter(l -> l.suite().equals(suite) && l.op().equals(op)).findFirst().orElseThrow();
    }

    @Test
    void readsMediansAndAllocationPerOp() throws IOException {
        final Measurement encap = canned().stream().filter(m -> m.op().equals("encap") && m.size() == 1400)
                .findFirst().orElseThrow();
        assertEquals(new Measurement("encap", "GCM128_IPSECMB", 1400, 9e6, 0.02), encap);
    }

    @Test
    void marksAMissingGcProfileAsNotANumber() throws IOException {
        assertTrue(Double.isNaN(line(ResultTable.lines(canned()), "GCM128_JDK", "pipeline").bytesPerOp()));
    }

    @Test
    void convertsRatesToMppsAndGbpsOfInnerBytes() throws IOException {
        final ResultTable.Line encap = line(ResultTable.lines(canned()), "GCM128_IPSECMB", "encap");
        assertEquals(9.0, encap.mpps(), EPSILON);
        assertEquals(1400 * 8 * 9e6 / 1e9, encap.gbps(), EPSILON);
    }

    @Test
    void dividesEachOperationByItsBareCipherCall() throws IOException {
        final List<ResultTable.Line> lines = ResultTable.lines(canned());
        assertEquals(0.9, line(lines, "GCM128_IPSECMB", "encap").ratio(), EPSILON);
        assertEquals(8.0 / 12.0, line(lines, "GCM128_IPSECMB", "decap").ratio(), EPSILON);
        assertEquals(0.5, line(lines, "GCM128_JDK", "pipeline").ratio(), EPSILON);
        assertTrue(Double.isNaN(line(lines, "GCM128_IPSECMB", "seal").ratio()));
    }

    @Test
    void combinesSendAndReceiveAsOneCoreDoingBoth() throws IOException {
        final List<ResultTable.Line> lines = ResultTable.lines(canned());
        final double bare = 1 / (1 / 10e6 + 1 / 12e6);
        final double engine = 1 / (1 / 9e6 + 1 / 8e6);
        assertEquals(bare / 1e6, line(lines, "GCM128_IPSECMB", "seal+open").mpps(), EPSILON);
        assertEquals(engine / bare, line(lines, "GCM128_IPSECMB", "encap+decap").ratio(), EPSILON);
        assertEquals(0.03, line(lines, "GCM128_IPSECMB", "encap+decap").bytesPerOp(), EPSILON);
    }

    @Test
    void ordersRowsBySuiteThenSizeThenOperation() throws IOException {
        final List<String> order = ResultTable.lines(canned()).stream().map(l -> l.suite() + " " + l.op()).toList();
        assertEquals(List.of("GCM128_IPSECMB seal", "GCM128_IPSECMB encap", "GCM128_IPSECMB open",
                "GCM128_IPSECMB decap", "GCM128_IPSECMB seal+open", "GCM128_IPSECMB encap+decap",
                "GCM128_JDK seal", "GCM128_JDK encap", "GCM128_JDK pipeline"), order);
    }

    @Test
    void formatsAMarkdownRowWithPercentRatio() throws IOException {
        final String table = ResultTable.format(ResultTable.lines(canned()), suite -> suite.toLowerCase());
        assertTrue(table.contains("| gcm128_ipsecmb | 1400 | encap | 9.00 | 100.8 | 0 | 90% |\n"), table);
        assertTrue(table.contains("| gcm128_jdk | 64 | pipeline | 2.00 | 1.0 | - | 50% |\n"), table);
    }
}
