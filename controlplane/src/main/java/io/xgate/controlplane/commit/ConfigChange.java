package io.xgate.controlplane.commit;

import io.xgate.controlplane.config.DeviceConfig;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a commit changes, object by object: removals first (dependents before what they depend on), then
 * additions and changes (dependencies first), so an apply step can walk the list in order.
 */
public record ConfigChange(DeviceConfig before, DeviceConfig after, List<ObjectChange> changes) {

    public ConfigChange {
        changes = List.copyOf(changes);
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }

    /** E.g. {@code +1 ipsec-tunnel, ~1 ike-gateway}; "no changes" when there are none. */
    public String summary() {
        if (changes.isEmpty()) {
            return "no changes";
        }
        final Map<Count, Long> counts = changes.stream()
                .sorted(Comparator.comparing(ObjectChange::action).thenComparing(ObjectChange::kind))
                .collect(Collectors.groupingBy(c -> new Count(c.action(), c.kind()), LinkedHashMap::new,
                        Collectors.counting()));
        return counts.entrySet().stream()
                .map(e -> e.getKey().action().sign() + e.getValue().toString() + " " + e.getKey().kind().label())
                .collect(Collectors.joining(", "));
    }

    private record Count(ObjectChange.Action action, ObjectKind kind) {
    }
}
