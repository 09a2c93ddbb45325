package io.xgate.bench.report;

import io.xgate.bench.search.SearchResult;
import java.util.List;
import java.util.Locale;

/**
 * Several DUTs' NDR and PDR per frame size as one markdown table: Mpps, Gbps of the frames as sized (FCS
 * included, as RFC 2544 counts them) and each DUT's rates as a share of the first DUT's at the same size,
 * all measured in one run.
 */
public final class ThroughputTable {
    private ThroughputTable() {
    }

    /** {@code bySize}: for each size, one result per DUT in the same DUT order, the first being the reference. */
    public static String render(final List<List<SearchResult>> bySize) {
        final String reference = bySize.getFirst().getFirst().dut();
        final StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "| size | DUT | NDR Mpps | NDR Gbps | PDR Mpps | PDR Gbps | NDR vs %s | PDR vs %s |%n",
                reference, reference));
        out.append(String.format("|---|---|---:|---:|---:|---:|---:|---:|%n"));
        for (final List<SearchResult> results : bySize) {
            final SearchResult first = results.getFirst();
            for (final SearchResult r : results) {
                final double meanBytes = r.settings().sizes().meanSize();
                out.append(String.format(Locale.ROOT, "| %s | %s | %.3f | %.3f | %.3f | %.3f | %s | %s |%n",
                        r.settings().sizes().label(), r.dut(), r.ndrPps() / 1e6, gbps(r.ndrPps(), meanBytes),
                        r.pdrPps() / 1e6, gbps(r.pdrPps(), meanBytes), ratio(r.ndrPps(), first.ndrPps()),
                        ratio(r.pdrPps(), first.pdrPps())));
            }
        }
        return out.toString();
    }

    static double gbps(final double pps, final double meanFrameBytes) {
        return pps * meanFrameBytes * 8 / 1e9;
    }

    /** A percentage, or "-" when the reference passed no rate at all. */
    static String ratio(final double value, final double reference) {
        return reference > 0 ? String.format(Locale.ROOT, "%.0f%%", 100 * value / reference) : "-";
    }
}
