package io.xgate.bench;

import io.xgate.bench.dut.Duts;
import io.xgate.bench.dut.TrafficDut;
import io.xgate.bench.report.HgrmFile;
import io.xgate.bench.report.LatencyRun;
import io.xgate.bench.report.PercentilePlot;
import io.xgate.bench.report.PercentileTable;
import io.xgate.bench.report.ProgressLine;
import io.xgate.bench.report.ResultJson;
import io.xgate.bench.report.Units;
import io.xgate.bench.search.LatencyProfile;
import io.xgate.bench.search.SearchSettings;
import io.xgate.bench.search.ThroughputSearch;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code xgate bench latency [options]}: one-way latency at fractions of the NDR (searched first unless
 * {@code --ndr} gives it), as a percentile table, one {@code .hgrm} per run, a percentile plot and JSON.
 */
public final class LatencyCommand {
    public static final String USAGE = "usage: xgate bench latency [options]\n"
            + TrafficOptions.OPTIONS.formatted(String.join("|", Duts.NAMES), "5");

    private LatencyCommand() {
    }

    public static void run(final String[] args) throws IOException {
        final TrafficOptions o = TrafficOptions.parse("latency", args, Duration.ofSeconds(5));
        Files.createDirectories(o.out());
        final ProgressLine progress = new ProgressLine(System.err, o.trialNanos());
        final double ndr;
        final List<LatencyProfile.Point> points;
        try (TrafficDut dut = Duts.open(o.dut(), o.flows(), o.ipv6(), o.drain(), progress)) {
            Warmup.run(dut, o.sizes());
            ndr = o.ndrPps() > 0 ? o.ndrPps() : ThroughputSearch.run(dut, new SearchSettings(o.sizes(), o.maxPps(),
                    o.resolutionPps(), Duration.ofSeconds(2), o.pdrLossRatio()), progress).ndrPps();
            System.err.println("NDR " + Units.rate(ndr) + "; latency runs at " + o.fractions() + " of it");
            points = LatencyProfile.run(dut, ndr, o.fractions(), o.sizes(), o.trial(), progress);
        }
        final List<LatencyRun> runs = new ArrayList<>();
        final List<PercentilePlot.Series> series = new ArrayList<>();
        for (final LatencyProfile.Point p : points) {
            final String label = String.format(Locale.ROOT, "%s %.0f%% NDR", o.dut(), 100 * p.fraction());
            final Path hgrm = o.out().resolve(String.format(Locale.ROOT, "%s-%.0fpct.hgrm", o.dut(), 100 * p.fraction()));
            HgrmFile.write(hgrm, p.result().latency());
            runs.add(new LatencyRun(label, p.result().offeredPps(), p.result().latency()));
            series.add(new PercentilePlot.Series(label, HgrmFile.read(hgrm)));
        }
        final String title = String.format(Locale.ROOT, "%s, %s B, %d flows: one-way latency", o.dut(), o.sizes(), o.flows());
        final Path svg = o.out().resolve("latency.svg");
        Files.writeString(svg, PercentilePlot.svg(title, series), StandardCharsets.UTF_8);
        final Path json = o.out().resolve("latency.json");
        ResultJson.write(json, ResultJson.latency(o.dut(), ndr, points));
        System.out.print(PercentileTable.render(runs));
        System.out.println("results: " + o.out() + " (latency.json, latency.svg, *.hgrm)");
    }
}
