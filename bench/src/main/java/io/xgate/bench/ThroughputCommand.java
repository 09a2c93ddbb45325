package io.xgate.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xgate.bench.dut.Duts;
import io.xgate.bench.dut.TrafficDut;
import io.xgate.bench.report.LatencyReport;
import io.xgate.bench.report.ProgressLine;
import io.xgate.bench.report.ResultJson;
import io.xgate.bench.report.ThroughputTable;
import io.xgate.bench.search.InterleavedSearch;
import io.xgate.bench.search.LatencyProfile;
import io.xgate.bench.search.SearchResult;
import io.xgate.bench.traffic.FrameSizes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code xgate bench throughput [options]}: RFC 2544 NDR and PDR of one or more DUTs for one or more frame
 * sizes, the DUTs' trials interleaved; then latency at fractions of each DUT's NDR (default 50%). Prints one
 * table with ratios to the first DUT and the latency percentiles, and saves JSON, {@code .hgrm} files and a plot.
 */
public final class ThroughputCommand {
    public static final String USAGE = "usage: xgate bench throughput [options]\n"
            + TrafficOptions.OPTIONS.formatted(String.join("|", Duts.NAMES), "2");

    private ThroughputCommand() {
    }

    public static void run(final String[] args) throws IOException {
        final TrafficOptions o = TrafficOptions.parse("throughput", args, Duration.ofSeconds(2));
        Files.createDirectories(o.out());
        final ProgressLine progress = new ProgressLine(System.err, o.trialNanos());
        final List<List<SearchResult>> bySize = new ArrayList<>();
        final LatencyReport latency = new LatencyReport(o.out());
        final ObjectNode json = ResultJson.comparison();
        try (OpenDuts duts = OpenDuts.open(o.duts(), o.flows(), o.ipv6(), o.drain(), progress)) {
            for (final FrameSizes sizes : o.sizeList()) {
                duts.list().forEach(dut -> Warmup.run(dut, sizes));
                final List<SearchResult> results = InterleavedSearch.run(duts.list(), o.search(sizes, o.trial()), progress);
                bySize.add(results);
                results.forEach(r -> ResultJson.addThroughput(json, r));
                for (int i = 0; i < results.size(); i++) {
                    measureLatency(duts.list().get(i), results.get(i), sizes, o, progress, latency, json);
                }
            }
        }
        final Path jsonFile = o.out().resolve("throughput.json");
        ResultJson.write(jsonFile, json);
        System.out.printf(Locale.ROOT, "throughput: NDR (no loss) and PDR (loss <= %s), %d flows, %s, %s s trials, "
                        + "DUTs taking turns trial by trial%n", o.pdrLossRatio(), o.flows(), o.ipv6() ? "IPv6" : "IPv4",
                o.trial().toMillis() / 1000.0);
        System.out.print(ThroughputTable.render(bySize));
        if (!latency.isEmpty()) {
            final Path svg = latency.writePlot(String.format(Locale.ROOT, "%s, %d flows: one-way latency",
                    String.join(" vs ", o.duts()), o.flows()));
            System.out.print(latency.table());
            System.out.println("plot: " + svg);
        }
        System.out.println("results: " + o.out() + " (throughput.json, *.hgrm)");
    }

    /** One latency run per fraction of this DUT's NDR; none when it passed no rate. */
    private static void measureLatency(final TrafficDut dut, final SearchResult result, final FrameSizes sizes,
                                       final TrafficOptions o, final ProgressLine progress,
                                       final LatencyReport latency, final ObjectNode json) throws IOException {
        if (result.ndrPps() <= 0 || o.fractions().isEmpty()) {
            return;
        }
        final List<LatencyProfile.Point> points = LatencyProfile.run(dut, result.ndrPps(), o.fractions(), sizes,
                o.trial(), progress);
        for (final LatencyProfile.Point p : points) {
            latency.add(String.format(Locale.ROOT, "%s %s B %.0f%% NDR", dut.name(), sizes.label(), 100 * p.fraction()),
                    String.format(Locale.ROOT, "%s-%s-%.0fpct", fileName(dut.name()), sizes.label(), 100 * p.fraction()),
                    p.result());
        }
        ResultJson.addLatency(json, dut.name(), result.ndrPps(), points);
    }

    /** A command DUT's name holds a path and blanks. */
    private static String fileName(final String dut) {
        return dut.replaceAll("[^A-Za-z0-9.-]+", "_");
    }
}
