package io.xgate.dataplane.testkit;

import java.util.List;
import java.util.Map;

/**
 * One packet's field values as tshark printed them, every occurrence in dissection order. A decrypted
 * tunnel-mode ESP packet has the outer header's values first and the inner packet's last.
 */
public record TsharkPacket(Map<String, List<String>> fields) {
    public TsharkPacket {
        fields = Map.copyOf(fields);
    }

    /** Every occurrence of the field, outermost first; empty when the packet has none. */
    public List<String> all(final String field) {
        final List<String> values = fields.get(field);
        if (values == null) {
            throw new IllegalArgumentException(field + " was not requested from tshark; requested: " + fields.keySet());
        }
        return values;
    }

    public boolean has(final String field) {
        return !all(field).isEmpty();
    }

    /** The outermost occurrence, or null. */
    public String first(final String field) {
        final List<String> values = all(field);
        return values.isEmpty() ? null : values.getFirst();
    }

    /** The innermost occurrence (the decrypted packet's, for a tunnel-mode ESP packet), or null. */
    public String last(final String field) {
        final List<String> values = all(field);
        return values.isEmpty() ? null : values.getLast();
    }
}
