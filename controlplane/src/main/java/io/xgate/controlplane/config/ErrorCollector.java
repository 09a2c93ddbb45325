package io.xgate.controlplane.config;

import java.util.ArrayList;
import java.util.List;

/** Gathers every error of a load or validation run, so all of them are reported at once. */
final class ErrorCollector {
    private final List<ConfigError> errors = new ArrayList<>();
    private final List<ConfigPath> broken = new ArrayList<>();

    void add(final ConfigPath path, final String message) {
        errors.add(new ConfigError(path.toString(), message));
        broken.add(path);
    }

    /** An error about a whole object whose listed parts could not be read (e.g. both auto-key and manual-key). */
    void add(final ConfigPath path, final String message, final List<ConfigPath> brokenParts) {
        errors.add(new ConfigError(path.toString(), message));
        broken.addAll(brokenParts);
    }

    /** Marks a value whose own checks would only restate an error already reported about what it depends on. */
    void markBroken(final ConfigPath path) {
        broken.add(path);
    }

    void checkRange(final ConfigPath path, final IntRange range, final long value) {
        if (!range.contains(value)) {
            add(path, "must be " + range + ", got " + value);
        }
    }

    /**
     * True when {@code path} lies inside a value that already failed to load: a semantic error there would
     * only repeat that failure through the fallback value put in its place.
     */
    boolean isBroken(final String path) {
        final ConfigPath candidate = new ConfigPath(path);
        return broken.stream().anyMatch(b -> b.encloses(candidate));
    }

    boolean isEmpty() {
        return errors.isEmpty();
    }

    List<ConfigError> errors() {
        return List.copyOf(errors);
    }
}
