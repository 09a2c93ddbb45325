package io.xgate.controlplane.commit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A device stand-in: holds the objects applied to it, applies a change object by object (so a failure can
 * land in the middle) and reverts to the state before the change.
 */
public final class RecordingTarget implements ApplyTarget {
    private final Map<String, Object> state = new LinkedHashMap<>();
    private final List<ConfigChange> applied = new ArrayList<>();
    private Map<String, Object> beforeApply = Map.of();
    private int failAt = -1;
    private int reverts;

    /** The next apply throws at its {@code n}th object change (1-based), after applying the ones before. */
    public void failAtChange(final int n) {
        failAt = n;
    }

    @Override
    public void apply(final ConfigChange change) {
        beforeApply = new LinkedHashMap<>(state);
        int n = 0;
        for (final ObjectChange c : change.changes()) {
            if (++n == failAt) {
                failAt = -1;
                throw new IllegalStateException("cannot program " + c.kind().label() + " " + c.name());
            }
            final String key = c.kind().label() + " " + c.name();
            c.after().ifPresentOrElse(value -> state.put(key, value), () -> state.remove(key));
        }
        applied.add(change);
    }

    @Override
    public void revert(final ConfigChange change) {
        reverts++;
        state.clear();
        state.putAll(beforeApply);
    }

    public Map<String, Object> state() {
        return Map.copyOf(state);
    }

    public List<ConfigChange> applied() {
        return List.copyOf(applied);
    }

    public int reverts() {
        return reverts;
    }
}
