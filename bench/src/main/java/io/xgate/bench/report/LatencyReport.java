package io.xgate.bench.report;

import io.xgate.bench.traffic.TrialResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Latency runs collected for one report: a {@code .hgrm} file each, then one percentile plot and one table. */
public final class LatencyReport {
    private final Path directory;
    private final List<LatencyRun> runs = new ArrayList<>();
    private final List<PercentilePlot.Series> series = new ArrayList<>();

    public LatencyReport(final Path directory) {
        this.directory = directory;
    }

    /** Writes {@code stem.hgrm} and keeps the run for the plot and the table under {@code label}. */
    public void add(final String label, final String stem, final TrialResult result) throws IOException {
        final Path hgrm = directory.resolve(stem + ".hgrm");
        HgrmFile.write(hgrm, result.latency());
        runs.add(new LatencyRun(label, result.offeredPps(), result.latency()));
        series.add(new PercentilePlot.Series(label, HgrmFile.read(hgrm)));
    }

    public boolean isEmpty() {
        return runs.isEmpty();
    }

    /** Writes {@code latency.svg}, every run on one percentile chart; returns its path. */
    public Path writePlot(final String title) throws IOException {
        final Path svg = directory.resolve("latency.svg");
        Files.writeString(svg, PercentilePlot.svg(title, series), StandardCharsets.UTF_8);
        return svg;
    }

    public String table() {
        return PercentileTable.render(runs);
    }
}
