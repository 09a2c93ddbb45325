package io.xgate.controlplane.commit;

import io.xgate.controlplane.config.ConfigError;

import java.util.List;

/** How a commit ended. Only {@link Committed} changed anything. */
public sealed interface CommitResult {

    record Committed(HistoryEntry entry) implements CommitResult {
    }

    /** The candidate has errors; nothing was applied. */
    record Invalid(List<ConfigError> errors) implements CommitResult {
        public Invalid {
            errors = List.copyOf(errors);
        }
    }

    /** Applying (or saving) failed; the device and the running config were put back as they were. */
    record Failed(String error) implements CommitResult {
    }
}
