package io.xgate.bench.report;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * HdrHistogram's percentile distribution text ({@code .hgrm}, what its plotter reads), in microseconds, and
 * the reverse: the (value, percentile) rows back out of such a file, for plotting runs saved earlier.
 */
public final class HgrmFile {
    public static final double NANOS_PER_MICRO = 1000.0;
    /** Rows per halving of the distance to 100%, as HdrHistogram's own tools default to. */
    private static final int TICKS_PER_HALF_DISTANCE = 5;

    /** One row: a latency in microseconds and the fraction (0..1) of frames at or below it. */
    public record Point(double valueMicros, double percentile) {
    }

    private HgrmFile() {
    }

    public static void write(final Path file, final Histogram nanos) throws IOException {
        try (PrintStream out = new PrintStream(Files.newOutputStream(file), false, StandardCharsets.UTF_8)) {
            nanos.outputPercentileDistribution(out, TICKS_PER_HALF_DISTANCE, NANOS_PER_MICRO);
        }
    }

    public static List<Point> read(final Path file) throws IOException {
        final List<Point> points = new ArrayList<>();
        for (final String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            final String[] f = line.trim().split("\\s+");
            // value, percentile, total count and 1/(1-percentile), which the 100% row leaves out
            if ((f.length == 3 || f.length == 4) && Character.isDigit(f[0].charAt(0))) {
                points.add(new Point(Double.parseDouble(f[0]), Double.parseDouble(f[1])));
            }
        }
        if (points.isEmpty()) {
            throw new IOException(file + " has no percentile rows (not an .hgrm file?)");
        }
        return points;
    }
}
