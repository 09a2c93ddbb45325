package io.xgate.bench.report;

import java.util.List;
import java.util.Locale;

/**
 * A self-contained SVG of latency by percentile, several runs on one chart, drawn like HdrHistogram's plotter:
 * the x axis is log-scaled in 1/(1-percentile), so 90%, 99%, 99.9% ... are evenly spaced and the tail gets
 * as much room as the median; the y axis is linear in microseconds.
 */
public final class PercentilePlot {
    /** One line of the chart: its legend and its .hgrm rows. */
    public record Series(String label, List<HgrmFile.Point> points) {
    }

    private static final int WIDTH = 900;
    private static final int HEIGHT = 520;
    private static final int LEFT = 80;
    private static final int RIGHT = 220;
    private static final int TOP = 50;
    private static final int BOTTOM = 60;
    private static final int MAX_NINES = 6;
    private static final String[] COLOURS = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b",
        "#e377c2", "#17becf"};

    private PercentilePlot() {
    }

    public static String svg(final String title, final List<Series> series) {
        final int nines = nines(series);
        final double maxValue = niceCeiling(series.stream().flatMap(s -> s.points().stream())
                .mapToDouble(HgrmFile.Point::valueMicros).max().orElse(1));
        final StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">%n", WIDTH, HEIGHT, WIDTH, HEIGHT));
        b.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", WIDTH, HEIGHT));
        b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"28\" font-size=\"16\">%s</text>%n", LEFT, escape(title)));
        for (int decade = 0; decade <= nines; decade++) {
            final double x = x(decade, nines);
            b.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#ddd\"/>%n",
                    x, TOP, x, HEIGHT - BOTTOM));
            b.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
                    x, HEIGHT - BOTTOM + 18, decadeLabel(decade)));
        }
        for (int i = 0; i <= 5; i++) {
            final double value = maxValue * i / 5;
            final double y = y(value, maxValue);
            b.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>%n",
                    LEFT, y, WIDTH - RIGHT, y));
            b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n",
                    LEFT - 6, y + 4, trim(value)));
        }
        b.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" "
                + "stroke=\"black\"/>%n", LEFT, TOP, WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM));
        b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">percentile</text>%n",
                (LEFT + WIDTH - RIGHT) / 2, HEIGHT - 15));
        b.append(String.format(Locale.ROOT, "<text transform=\"translate(20 %d) rotate(-90)\" text-anchor=\"middle\">"
                + "latency (µs)</text>%n", (TOP + HEIGHT - BOTTOM) / 2));
        for (int i = 0; i < series.size(); i++) {
            final Series s = series.get(i);
            final String colour = COLOURS[i % COLOURS.length];
            b.append(String.format(Locale.ROOT, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\" points=\"", colour));
            for (final HgrmFile.Point p : s.points()) {
                b.append(String.format(Locale.ROOT, "%.1f,%.1f ", x(decades(p.percentile(), nines), nines),
                        y(p.valueMicros(), maxValue)));
            }
            b.append("\"/>\n");
            final int legendY = TOP + 10 + 20 * i;
            b.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" "
                    + "stroke-width=\"3\"/>%n", WIDTH - RIGHT + 15, legendY, WIDTH - RIGHT + 40, legendY, colour));
            b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s</text>%n", WIDTH - RIGHT + 46, legendY + 4,
                    escape(s.label())));
        }
        return b.append("</svg>\n").toString();
    }

    /** How many nines the x axis spans: enough for the deepest finite percentile of any run, at most 99.9999%. */
    private static int nines(final List<Series> series) {
        double deepest = 0;
        for (final Series s : series) {
            for (final HgrmFile.Point p : s.points()) {
                if (p.percentile() < 1) {
                    deepest = Math.max(deepest, decades(p.percentile(), MAX_NINES));
                }
            }
        }
        return Math.max(2, Math.min(MAX_NINES, (int) Math.ceil(deepest)));
    }

    /** log10(1 / (1 - percentile)), capped at {@code nines} (100% itself is infinitely far right). */
    private static double decades(final double percentile, final int nines) {
        return percentile >= 1 ? nines : Math.min(nines, Math.log10(1 / (1 - percentile)));
    }

    private static double x(final double decades, final int nines) {
        return LEFT + decades / nines * (WIDTH - LEFT - RIGHT);
    }

    private static double y(final double value, final double maxValue) {
        return HEIGHT - BOTTOM - value / maxValue * (HEIGHT - TOP - BOTTOM);
    }

    private static String decadeLabel(final int decade) {
        return decade == 0 ? "0%" : String.format(Locale.ROOT, "%." + Math.max(0, decade - 2) + "f%%",
                100 * (1 - Math.pow(10, -decade)));
    }

    /** 1, 2 or 5 times a power of ten, at or above {@code value}. */
    private static double niceCeiling(final double value) {
        final double magnitude = Math.pow(10, Math.floor(Math.log10(Math.max(value, 1e-3))));
        for (final double step : new double[] {1, 2, 5, 10}) {
            if (step * magnitude >= value) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    private static String trim(final double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.2f", value);
    }

    private static String escape(final String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
