package io.xgate.bench;

import io.xgate.bench.report.HgrmFile;
import io.xgate.bench.report.PercentilePlot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code xgate bench plot --out FILE.svg A.hgrm B.hgrm ...}: runs saved by any invocation, compared on one chart. */
public final class PlotCommand {
    public static final String USAGE = "usage: xgate bench plot --out FILE.svg [--title TEXT] FILE.hgrm...";

    private PlotCommand() {
    }

    public static void run(final String[] args) throws IOException {
        Path out = null;
        String title = "one-way latency by percentile";
        final List<PercentilePlot.Series> series = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--out" -> out = Path.of(args[++i]);
                case "--title" -> title = args[++i];
                default -> {
                    final Path file = Path.of(args[i]);
                    series.add(new PercentilePlot.Series(file.getFileName().toString().replaceFirst("\\.hgrm$", ""),
                            HgrmFile.read(file)));
                }
            }
        }
        if (out == null || series.isEmpty()) {
            throw new IllegalArgumentException(USAGE);
        }
        Files.writeString(out, PercentilePlot.svg(title, series), StandardCharsets.UTF_8);
        System.out.println(out);
    }
}
