package io.xgate.controlplane.commit;

import io.xgate.controlplane.config.DeviceConfig;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The semantic difference of two configs by object, so applying a commit touches only what changed:
 * adding a tunnel does not disturb the others, changing one tunnel's crypto renegotiates only that tunnel.
 * Objects compare by value (records all the way down; secrets compare in constant time).
 */
public final class ConfigDiff {
    private ConfigDiff() {
    }

    public static ConfigChange between(final DeviceConfig before, final DeviceConfig after) {
        final List<ObjectChange> removals = new ArrayList<>();
        final List<ObjectChange> updates = new ArrayList<>();
        for (final ObjectKind kind : ObjectKind.values()) {
            final Map<String, Object> old = kind.objects(before);
            final Map<String, Object> current = kind.objects(after);
            final List<ObjectChange> removed = new ArrayList<>();
            old.forEach((name, value) -> {
                if (!current.containsKey(name)) {
                    removed.add(new ObjectChange(kind, name, ObjectChange.Action.REMOVED, Optional.of(value),
                            Optional.empty()));
                }
            });
            removals.addAll(0, removed);
            current.forEach((name, value) -> {
                final Object previous = old.get(name);
                if (previous == null) {
                    updates.add(new ObjectChange(kind, name, ObjectChange.Action.ADDED, Optional.empty(),
                            Optional.of(value)));
                } else if (!previous.equals(value)) {
                    updates.add(new ObjectChange(kind, name, ObjectChange.Action.CHANGED, Optional.of(previous),
                            Optional.of(value)));
                }
            });
        }
        final List<ObjectChange> all = new ArrayList<>(removals);
        all.addAll(updates);
        return new ConfigChange(before, after, all);
    }
}
