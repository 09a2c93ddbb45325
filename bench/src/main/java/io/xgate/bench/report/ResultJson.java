package io.xgate.bench.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xgate.bench.search.LatencyProfile;
import io.xgate.bench.search.SearchResult;
import io.xgate.bench.traffic.TrialResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.HdrHistogram.Histogram;

/** The JSON result files of {@code xgate bench throughput} and {@code latency}: settings, outcome, every trial. */
public final class ResultJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ResultJson() {
    }

    public static ObjectNode throughput(final SearchResult s) {
        final ObjectNode root = MAPPER.createObjectNode();
        root.put("test", "throughput");
        root.put("dut", s.dut());
        root.put("frameSizes", s.settings().sizes().label());
        root.put("maxPps", s.settings().maxPps());
        root.put("resolutionPps", s.settings().resolutionPps());
        root.put("resolutionRatio", s.settings().resolutionRatio());
        root.put("trialSeconds", s.settings().trialDuration().toMillis() / 1000.0);
        root.put("pdrLossRatio", s.settings().pdrLossRatio());
        root.put("ndrPps", s.ndrPps());
        root.put("pdrPps", s.pdrPps());
        final ArrayNode trials = root.putArray("trials");
        s.trials().forEach(t -> trials.add(trial(t)));
        return root;
    }

    public static ObjectNode latency(final String dut, final double ndrPps, final List<LatencyProfile.Point> points) {
        final ObjectNode root = MAPPER.createObjectNode();
        root.put("test", "latency");
        root.put("dut", dut);
        root.put("ndrPps", ndrPps);
        final ArrayNode runs = root.putArray("runs");
        for (final LatencyProfile.Point p : points) {
            runs.add(trial(p.result()).put("fractionOfNdr", p.fraction()));
        }
        return root;
    }

    /** The root of a run that compares DUTs: {@code throughput} and {@code latency} arrays, one entry per DUT and size. */
    public static ObjectNode comparison() {
        final ObjectNode root = MAPPER.createObjectNode();
        root.put("test", "throughput");
        root.putArray("throughput");
        root.putArray("latency");
        return root;
    }

    public static void addThroughput(final ObjectNode comparison, final SearchResult s) {
        ((ArrayNode) comparison.get("throughput")).add(throughput(s));
    }

    public static void addLatency(final ObjectNode comparison, final String dut, final double ndrPps,
                                  final List<LatencyProfile.Point> points) {
        ((ArrayNode) comparison.get("latency")).add(latency(dut, ndrPps, points));
    }

    static ObjectNode trial(final TrialResult t) {
        final ObjectNode n = MAPPER.createObjectNode();
        n.put("offeredPps", t.offeredPps());
        n.put("sentPps", t.sentPps());
        n.put("receivedPps", t.receivedPps());
        n.put("frameSizes", t.frameSizes());
        n.put("meanFrameBytes", t.meanFrameBytes());
        n.put("seconds", t.duration().toNanos() / 1e9);
        n.put("sent", t.sent());
        n.put("received", t.received());
        n.put("lost", t.lost());
        n.put("lossRatio", t.lossRatio());
        n.put("reordered", t.reordered());
        n.put("duplicates", t.duplicates());
        n.put("sinkDrops", t.sinkDrops());
        n.put("generatorKeptUp", t.generatorKeptUp());
        final Histogram h = t.latency();
        if (h.getTotalCount() > 0) {
            final ObjectNode latency = n.putObject("latencyMicros");
            latency.put("samples", h.getTotalCount());
            latency.put("mean", h.getMean() / HgrmFile.NANOS_PER_MICRO);
            for (final double p : PercentileTable.PERCENTILES) {
                latency.put("p" + PercentileTable.label(p), PercentileTable.micros(h.getValueAtPercentile(p)));
            }
            latency.put("max", PercentileTable.micros(h.getMaxValue()));
        }
        return n;
    }

    public static void write(final Path file, final ObjectNode root) throws IOException {
        MAPPER.writeValue(file.toFile(), root);
    }
}
