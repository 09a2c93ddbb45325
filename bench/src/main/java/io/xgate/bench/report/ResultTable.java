package io.xgate.bench.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Turns measurements into the table of the README: packets and bits per second, bytes allocated per packet,
 * and each ESP operation's rate as a fraction of the bare cipher call it is built on, measured in the same run.
 * Adds "encap+decap" and "seal+open" rows: the rate of one core that both sends and receives each packet
 * (1 / (1/a + 1/b)), which the goal is stated in.
 */
public final class ResultTable {
    /** Each operation and the bare cipher call it is compared with; order of the rows within a group. */
    private static final List<Row> OPS = List.of(
            new Row("seal", null), new Row("encap", "seal"), new Row("pipeline", "seal"),
            new Row("pipeline-2w", "pipeline"),
            new Row("open", null), new Row("decap", "open"),
            new Row("seal+open", null), new Row("encap+decap", "seal+open"));

    private record Row(String op, String baseline) {
    }

    /** One line of the table; {@code ratio} is NaN for the baselines themselves. */
    public record Line(String suite, int size, String op, double mpps, double gbps, double bytesPerOp,
                       double ratio) {
    }

    private ResultTable() {
    }

    /** Lines grouped by suite (in order of first appearance) and size, each group in {@link #OPS} order. */
    public static List<Line> lines(final List<Measurement> measurements) {
        final Map<String, Map<Integer, Map<String, Measurement>>> groups = new LinkedHashMap<>();
        for (final Measurement m : measurements) {
            groups.computeIfAbsent(m.suite(), s -> new TreeMap<>())
                    .computeIfAbsent(m.size(), s -> new HashMap<>())
                    .put(m.op(), m);
        }
        final List<Line> out = new ArrayList<>();
        for (final Map<Integer, Map<String, Measurement>> bySize : groups.values()) {
            for (final Map<String, Measurement> byOp : bySize.values()) {
                combine(byOp, "seal", "open");
                combine(byOp, "encap", "decap");
                for (final Row row : OPS) {
                    final Measurement m = byOp.get(row.op());
                    if (m != null) {
                        out.add(line(m, row.baseline() == null ? null : byOp.get(row.baseline())));
                    }
                }
            }
        }
        return out;
    }

    private static void combine(final Map<String, Measurement> byOp, final String first, final String second) {
        final Measurement a = byOp.get(first);
        final Measurement b = byOp.get(second);
        if (a != null && b != null) {
            byOp.put(first + "+" + second, new Measurement(first + "+" + second, a.suite(), a.size(),
                    1 / (1 / a.opsPerSecond() + 1 / b.opsPerSecond()), a.bytesPerOp() + b.bytesPerOp()));
        }
    }

    private static Line line(final Measurement m, final Measurement baseline) {
        return new Line(m.suite(), m.size(), m.op(), m.opsPerSecond() / 1e6, m.size() * 8.0 * m.opsPerSecond() / 1e9,
                m.bytesPerOp(), baseline == null ? Double.NaN : m.opsPerSecond() / baseline.opsPerSecond());
    }

    /** A markdown table; {@code suiteLabel} turns a suite parameter into its display name. */
    public static String format(final List<Line> lines, final Function<String, String> suiteLabel) {
        final StringBuilder out = new StringBuilder();
        out.append("| suite | size B | op | Mpps | Gbps | B/op | vs baseline |\n");
        out.append("|---|---:|---|---:|---:|---:|---:|\n");
        for (final Line l : lines) {
            out.append(String.format(Locale.ROOT, "| %s | %d | %s | %.2f | %.1f | %s | %s |\n",
                    suiteLabel.apply(l.suite()), l.size(), l.op(), l.mpps(), l.gbps(),
                    Double.isNaN(l.bytesPerOp()) ? "-" : String.format(Locale.ROOT, "%.0f", l.bytesPerOp()),
                    Double.isNaN(l.ratio()) ? "" : String.format(Locale.ROOT, "%.0f%%", 100 * l.ratio())));
        }
        return out.toString();
    }
}
