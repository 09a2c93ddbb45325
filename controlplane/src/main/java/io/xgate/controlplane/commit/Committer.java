package io.xgate.controlplane.commit;

import io.xgate.controlplane.config.ConfigLoader;
import io.xgate.controlplane.config.DeviceConfig;
import io.xgate.controlplane.config.LoadResult;
import io.xgate.controlplane.config.SecretSources;

import java.io.IOException;
import java.time.InstantSource;

/**
 * Turns a candidate into the running config: validate all of it, apply only what changed, and only when the
 * device took the change persist it as running and as the next version. The running config (on disk and on
 * the device) is never half-applied: any failure reverts the device and leaves the files untouched.
 */
final class Committer {
    static final String CANDIDATE_SOURCE = "candidate";

    private final ConfigStore store;
    private final ApplyTarget target;
    private final SecretSources sources;
    private final InstantSource clock;
    /** What the device runs now; the base every change is computed from. */
    private DeviceConfig running;

    Committer(final ConfigStore store, final ApplyTarget target, final SecretSources sources,
              final InstantSource clock, final DeviceConfig running) {
        this.store = store;
        this.target = target;
        this.sources = sources;
        this.clock = clock;
        this.running = running;
    }

    CommitResult commit(final String candidate, final String user, final String comment) {
        final LoadResult loaded = ConfigLoader.load(candidate, CANDIDATE_SOURCE, sources);
        if (!(loaded instanceof LoadResult.Valid(final DeviceConfig next))) {
            return new CommitResult.Invalid(loaded.errors());
        }
        final ConfigChange change = ConfigDiff.between(running, next);
        try {
            target.apply(change);
        } catch (final Exception e) {
            return reverted(change, "applying failed: " + e.getMessage());
        }
        final HistoryEntry entry;
        try {
            entry = store.commit(candidate, new HistoryEntry(0, clock.instant().toString(), user, comment,
                    change.summary()));
        } catch (final IOException e) {
            return reverted(change, "saving the running config failed: " + e.getMessage());
        }
        running = next;
        return new CommitResult.Committed(entry);
    }

    private CommitResult reverted(final ConfigChange change, final String error) {
        try {
            target.revert(change);
            return new CommitResult.Failed(error + "; the previous config is restored");
        } catch (final Exception e) {
            return new CommitResult.Failed(error + "; restoring the previous config failed too: " + e.getMessage());
        }
    }
}
