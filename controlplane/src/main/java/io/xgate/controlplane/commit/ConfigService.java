package io.xgate.controlplane.commit;

import io.xgate.controlplane.config.ConfigLoader;
import io.xgate.controlplane.config.DeviceConfig;
import io.xgate.controlplane.config.LoadResult;
import io.xgate.controlplane.config.SecretSources;

import java.io.IOException;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The admin's view of the config: a candidate to edit, the running config, commit, history and rollback.
 * The daemon owns one and serves it over the management API. Everything it returns for display has its
 * secrets masked. Calls are serialised: two admins never commit over each other.
 */
public final class ConfigService {
    public static final Path DEFAULT_DIR = ConfigStore.DEFAULT_DIR;

    private final ConfigStore store;
    private final Committer committer;

    private ConfigService(final ConfigStore store, final Committer committer) {
        this.store = store;
        this.committer = committer;
    }

    /**
     * Opens the config directory and brings {@code target} up with the stored running config (nothing when
     * there is none yet).
     *
     * @throws IllegalStateException when the stored running config does not load (e.g. a {@code key-env}
     *                               variable is missing), or the target refuses it
     */
    public static ConfigService open(final Path dir, final ApplyTarget target, final SecretSources sources,
                                     final InstantSource clock) throws IOException {
        return open(dir, target, sources, clock, file -> { });
    }

    /**
     * The running config stored in {@code dir}, if a commit ever made one: what a restarting daemon runs (it
     * opens its ports from it before {@link #open} applies it).
     */
    public static Optional<String> storedRunning(final Path dir) throws IOException {
        return ConfigStore.open(dir).running();
    }

    static ConfigService open(final Path dir, final ApplyTarget target, final SecretSources sources,
                              final InstantSource clock, final Consumer<Path> beforeRename) throws IOException {
        final ConfigStore store = ConfigStore.open(dir, beforeRename);
        final DeviceConfig empty = load("", sources);
        final DeviceConfig running = load(store.running().orElse(""), sources);
        final ConfigChange startup = ConfigDiff.between(empty, running);
        try {
            target.apply(startup);
        } catch (final Exception e) {
            throw new IllegalStateException("the running config cannot be applied: " + e.getMessage(), e);
        }
        return new ConfigService(store, new Committer(store, target, sources, clock, running));
    }

    private static DeviceConfig load(final String yaml, final SecretSources sources) {
        final LoadResult result = ConfigLoader.load(yaml, "running.yaml", sources);
        if (result instanceof LoadResult.Valid(final DeviceConfig config)) {
            return config;
        }
        throw new IllegalStateException("the running config does not load: " + result.errors());
    }

    /** Replaces the candidate; only YAML syntax is checked now, the meaning at commit. */
    public synchronized void load(final String yaml) throws IOException {
        YamlTree.parse(yaml);
        store.writeCandidate(yaml);
    }

    /** Sets one value of the candidate, e.g. {@code ipsec-tunnels[to-b].anti-replay-window} to {@code 2048}. */
    public synchronized void set(final String path, final String value) throws IOException {
        final Map<Object, Object> tree = YamlTree.parse(candidate());
        YamlTree.set(tree, TreePath.parse(path), YamlTree.value(value));
        store.writeCandidate(YamlTree.dump(tree));
    }

    public synchronized void delete(final String path) throws IOException {
        final Map<Object, Object> tree = YamlTree.parse(candidate());
        YamlTree.delete(tree, TreePath.parse(path));
        store.writeCandidate(YamlTree.dump(tree));
    }

    /** The candidate or the running config as canonical YAML, secrets masked. */
    public synchronized String show(final boolean running) throws IOException {
        return YamlTree.dump(SecretMask.mask(YamlTree.parse(running ? running() : candidate())));
    }

    /** The candidate against the running config, line by line, secrets masked (a changed key says so). */
    public synchronized List<String> diff() throws IOException {
        final Map<Object, Object> running = YamlTree.parse(running());
        final Map<Object, Object> candidate = YamlTree.parse(candidate());
        return LineDiff.between(YamlTree.dump(SecretMask.mask(running)),
                YamlTree.dump(SecretMask.maskAgainst(candidate, running)));
    }

    public synchronized CommitResult commit(final String user, final String comment) throws IOException {
        return committer.commit(candidate(), user, comment);
    }

    /** Makes version {@code version} the candidate and commits it. */
    public synchronized CommitResult rollback(final int version, final String user) throws IOException {
        store.writeCandidate(store.version(version));
        return committer.commit(candidate(), user, "rollback to version " + version);
    }

    /** Every committed version, oldest first. */
    public synchronized List<HistoryEntry> history() throws IOException {
        return store.history();
    }

    /** Without a candidate of its own, the candidate is the running config. */
    private String candidate() throws IOException {
        return store.candidate().isPresent() ? store.candidate().get() : running();
    }

    private String running() throws IOException {
        return store.running().orElse("");
    }
}
