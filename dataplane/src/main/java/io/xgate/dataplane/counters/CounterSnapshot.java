package io.xgate.dataplane.counters;

import java.util.ArrayList;
import java.util.List;
import org.agrona.concurrent.status.CountersReader;

/**
 * The counters of a counters file at one moment, as {@code xgate stat}, {@code show counters} and
 * {@code show vpn flow} read them (AeronStat-style: straight from the mapped file, no daemon needed). A label
 * is {@code "group: name"}, e.g. {@code "tunnel tunnel.1: drop replay"}.
 */
public final class CounterSnapshot {
    private CounterSnapshot() {
    }

    /** One allocated counter. */
    public record Counter(int id, int type, long key, String label, long value) {
        /** What the counter belongs to, e.g. {@code tunnel tunnel.1} or {@code sa in 0x00002001 tunnel.1}. */
        public String group() {
            final int colon = label.indexOf(": ");
            return colon < 0 ? label : label.substring(0, colon);
        }

        /** What it counts, e.g. {@code packets-in} or {@code drop replay}. */
        public String name() {
            final int colon = label.indexOf(": ");
            return colon < 0 ? "" : label.substring(colon + 2);
        }
    }

    /** Every allocated counter, in id order. */
    public static List<Counter> read(final CountersReader reader) {
        final List<Counter> counters = new ArrayList<>();
        reader.forEach((id, type, key, label) ->
                counters.add(new Counter(id, type, key.getLong(0), label, reader.getCounterValue(id))));
        return counters;
    }
}
