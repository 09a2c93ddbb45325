package io.xgate.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.xgate.bench.search.LatencyProfile;
import io.xgate.bench.traffic.TrialResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import javax.xml.parsers.DocumentBuilderFactory;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

class ReportFilesTest {
    @TempDir
    Path dir;

    @Test
    void hgrmFilesParseBackToTheHistogramsPercentiles() throws Exception {
        final Histogram h = latencies(7, 20_000);
        final Path file = dir.resolve("run.hgrm");
        HgrmFile.write(file, h);
        final List<HgrmFile.Point> points = HgrmFile.read(file);
        assertTrue(points.size() > 20, points.size() + " rows");
        for (final HgrmFile.Point p : points) {
            final double expected = h.getValueAtPercentile(100 * p.percentile()) / HgrmFile.NANOS_PER_MICRO;
            assertEquals(expected, p.valueMicros(), expected * 0.002 + 0.001, "at " + p.percentile());
        }
        assertEquals(1.0, points.getLast().percentile());
        assertEquals(h.getMaxValue() / HgrmFile.NANOS_PER_MICRO, points.getLast().valueMicros(), 0.01);
    }

    @Test
    void thePlotIsWellFormedSvgWithOneLinePerRun() throws Exception {
        final List<PercentilePlot.Series> series = List.of(
                new PercentilePlot.Series("fast <10%>", points(latencies(1, 50_000))),
                new PercentilePlot.Series("slow & late", points(latencies(2, 200_000))));
        final Path svg = dir.resolve("plot.svg");
        Files.writeString(svg, PercentilePlot.svg("two runs", series), StandardCharsets.UTF_8);

        final Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(svg.toFile());
        assertEquals("svg", doc.getDocumentElement().getTagName());
        assertEquals(2, doc.getElementsByTagName("polyline").getLength());
        final String text = doc.getDocumentElement().getTextContent();
        assertTrue(text.contains("fast <10%>") && text.contains("slow & late") && text.contains("percentile")
                && text.contains("99.9%"), text);
    }

    @Test
    void theTableAndTheJsonCarryThePercentiles() throws Exception {
        final Histogram h = latencies(3, 10_000);
        final TrialResult trial = new TrialResult(100_000, "64", 64, Duration.ofSeconds(2), 200_000, 199_990, 10, 3,
                1, 0, h);
        final String table = PercentileTable.render(List.of(new LatencyRun("loopback 50% NDR", 100_000, h)));
        assertTrue(table.contains("p99.99") && table.contains("loopback 50% NDR"), table);

        final Path json = dir.resolve("latency.json");
        ResultJson.write(json, ResultJson.latency("loopback", 200_000, List.of(new LatencyProfile.Point(0.5, trial))));
        final JsonNode run = new ObjectMapper().readTree(json.toFile()).get("runs").get(0);
        assertEquals(10, run.get("lost").asLong());
        assertEquals(0.5, run.get("fractionOfNdr").asDouble());
        assertEquals(h.getValueAtPercentile(99.9) / 1e3, run.get("latencyMicros").get("p99.9").asDouble(), 1e-9);
    }

    private List<HgrmFile.Point> points(final Histogram h) throws Exception {
        final Path file = Files.createTempFile(dir, "run", ".hgrm");
        HgrmFile.write(file, h);
        return HgrmFile.read(file);
    }

    /** Log-normal-ish latencies around {@code medianNs}, with a tail. */
    private static Histogram latencies(final long seed, final long medianNs) {
        final Random random = new Random(seed);
        final Histogram h = new Histogram(1, 10_000_000_000L, 3);
        for (int i = 0; i < 100_000; i++) {
            h.recordValue((long) (medianNs * Math.exp(0.5 * random.nextGaussian())));
        }
        return h;
    }
}
