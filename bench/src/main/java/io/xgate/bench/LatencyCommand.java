package io.xgate.bench;

import io.xgate.bench.dut.Duts;
import io.xgate.bench.dut.TrafficDut;
import io.xgate.bench.report.LatencyReport;
import io.xgate.bench.report.ProgressLine;
import io.xgate.bench.report.ResultJson;
import io.xgate.bench.report.Units;
import io.xgate.bench.search.LatencyProfile;
import io.xgate.bench.search.ThroughputSearch;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
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
            ndr = o.ndrPps() > 0 ? o.ndrPps()
                    : ThroughputSearch.run(dut, o.search(o.sizes(), Duration.ofSeconds(2)), progress).ndrPps();
            System.err.println("NDR " + Units.rate(ndr) + "; latency runs at " + o.fractions() + " of it");
            points = LatencyProfile.run(dut, ndr, o.fractions(), o.sizes(), o.trial(), progress);
        }
        final LatencyReport report = new LatencyReport(o.out());
        for (final LatencyProfile.Point p : points) {
            report.add(String.format(Locale.ROOT, "%s %.0f%% NDR", o.dut(), 100 * p.fraction()),
                    String.format(Locale.ROOT, "%s-%.0fpct", o.dut(), 100 * p.fraction()), p.result());
        }
        report.writePlot(String.format(Locale.ROOT, "%s, %s B, %d flows: one-way latency", o.dut(), o.sizes(), o.flows()));
        ResultJson.write(o.out().resolve("latency.json"), ResultJson.latency(o.dut(), ndr, points));
        System.out.print(report.table());
        System.out.println("results: " + o.out() + " (latency.json, latency.svg, *.hgrm)");
    }
}
