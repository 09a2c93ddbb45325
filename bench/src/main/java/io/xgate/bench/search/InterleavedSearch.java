package io.xgate.bench.search;

import java.util.ArrayList;
import java.util.List;

/**
 * Throughput searches for several DUTs that take turns trial by trial (DUT 1, DUT 2, ..., DUT 1, ...), so a
 * burst of noise on a shared machine hits every DUT's search alike instead of one DUT's whole search.
 */
public final class InterleavedSearch {
    private InterleavedSearch() {
    }

    /** The results in the order of {@code duts}. */
    public static List<SearchResult> run(final List<? extends Dut> duts, final SearchSettings settings,
                                         final ThroughputSearch.Listener listener) {
        final List<ThroughputSearch> searches = new ArrayList<>();
        duts.forEach(d -> searches.add(new ThroughputSearch(d.name(), settings)));
        boolean searching = true;
        while (searching) {
            searching = false;
            for (int i = 0; i < duts.size(); i++) {
                final double rate = searches.get(i).nextRate();
                if (!Double.isNaN(rate)) {
                    searches.get(i).runTrial(duts.get(i), rate, listener);
                    searching = true;
                }
            }
        }
        return searches.stream().map(ThroughputSearch::result).toList();
    }
}
