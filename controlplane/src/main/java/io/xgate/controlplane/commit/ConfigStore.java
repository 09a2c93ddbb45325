package io.xgate.controlplane.commit;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The config files of one device: {@code running.yaml}, {@code candidate.yaml} and {@code history/NNNNNN.yaml}
 * with {@code NNNNNN.json} metadata. The rename of {@code running.yaml} is the commit point: a version is
 * written to history first and gets its metadata last, so a crash anywhere leaves the last good running
 * config in place and at most a history file without metadata, which {@link #open} settles.
 */
final class ConfigStore {
    static final Path DEFAULT_DIR = Path.of("/var/lib/xgate");
    private static final Pattern VERSION_FILE = Pattern.compile("([0-9]{6})\\.yaml");
    private static final String RECOVERED = "recovered after a crash: committed, but its metadata was lost";

    private final Path dir;
    private final Path history;
    private final AtomicFile files;
    private final ObjectMapper json = new ObjectMapper();

    private ConfigStore(final Path dir, final Consumer<Path> beforeRename) {
        this.dir = dir;
        this.history = dir.resolve("history");
        this.files = new AtomicFile(beforeRename);
    }

    static ConfigStore open(final Path dir) throws IOException {
        return open(dir, target -> { });
    }

    /** Opens (creating) the directory and settles what an interrupted commit left behind. */
    static ConfigStore open(final Path dir, final Consumer<Path> beforeRename) throws IOException {
        final ConfigStore store = new ConfigStore(dir, beforeRename);
        AtomicFile.createPrivateDirectory(dir);
        AtomicFile.createPrivateDirectory(store.history);
        AtomicFile.removeLeftovers(dir);
        AtomicFile.removeLeftovers(store.history);
        store.settleUnfinishedVersions();
        return store;
    }

    Optional<String> running() throws IOException {
        return read(dir.resolve("running.yaml"));
    }

    Optional<String> candidate() throws IOException {
        return read(dir.resolve("candidate.yaml"));
    }

    void writeCandidate(final String yaml) throws IOException {
        files.write(dir.resolve("candidate.yaml"), yaml);
    }

    /** Makes {@code yaml} the running config and the next version in history. */
    HistoryEntry commit(final String yaml, final HistoryEntry metadata) throws IOException {
        final HistoryEntry entry = new HistoryEntry(latestVersion() + 1, metadata.time(), metadata.user(),
                metadata.comment(), metadata.changes());
        files.write(configFile(entry.version()), yaml);
        files.write(dir.resolve("running.yaml"), yaml);
        files.write(metadataFile(entry.version()), json.writeValueAsString(entry));
        return entry;
    }

    /** Every committed version, oldest first. */
    List<HistoryEntry> history() throws IOException {
        final List<HistoryEntry> entries = new ArrayList<>();
        for (final int version : versionFiles()) {
            final Optional<String> metadata = read(metadataFile(version));
            if (metadata.isPresent()) {
                entries.add(json.readValue(metadata.get(), HistoryEntry.class));
            }
        }
        return entries;
    }

    String version(final int version) throws IOException {
        if (read(metadataFile(version)).isEmpty()) {
            throw new IllegalArgumentException("no version " + version + " in the history");
        }
        return read(configFile(version)).orElseThrow();
    }

    private int latestVersion() throws IOException {
        final List<Integer> versions = versionFiles();
        return versions.isEmpty() ? 0 : versions.getLast();
    }

    /**
     * A version file without metadata was being committed when the process died: if the running config is
     * that version the commit happened and only its metadata is written now; otherwise it never happened.
     */
    private void settleUnfinishedVersions() throws IOException {
        final Optional<String> running = running();
        for (final int version : versionFiles()) {
            if (read(metadataFile(version)).isPresent()) {
                continue;
            }
            final Path config = configFile(version);
            if (running.isPresent() && running.equals(read(config)) && version == latestVersion()) {
                files.write(metadataFile(version), json.writeValueAsString(new HistoryEntry(version,
                        Files.getLastModifiedTime(config).toInstant().toString(), "", RECOVERED, "")));
            } else {
                Files.delete(config);
            }
        }
    }

    private List<Integer> versionFiles() throws IOException {
        final List<Integer> versions = new ArrayList<>();
        try (DirectoryStream<Path> paths = Files.newDirectoryStream(history, "*.yaml")) {
            for (final Path path : paths) {
                final Matcher m = VERSION_FILE.matcher(path.getFileName().toString());
                if (m.matches()) {
                    versions.add(Integer.parseInt(m.group(1)));
                }
            }
        }
        versions.sort(Comparator.naturalOrder());
        return versions;
    }

    private Path configFile(final int version) {
        return history.resolve("%06d.yaml".formatted(version));
    }

    private Path metadataFile(final int version) {
        return history.resolve("%06d.json".formatted(version));
    }

    private static Optional<String> read(final Path file) throws IOException {
        try {
            return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
        } catch (final NoSuchFileException e) {
            return Optional.empty();
        }
    }
}
