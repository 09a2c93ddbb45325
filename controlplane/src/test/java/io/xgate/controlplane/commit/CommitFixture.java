package io.xgate.controlplane.commit;

import io.xgate.controlplane.config.SecretSources;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;

/** The gw-a example config of the repository, and a config service over a temporary directory. */
public final class CommitFixture {
    /** The example's manual key, as written and as the bytes would print in other spellings. */
    public static final String KEY_HEX = "000102030405060708090a0b0c0d0e0f10111213";
    public static final InstantSource CLOCK = InstantSource.fixed(Instant.parse("2026-01-02T03:04:05Z"));

    private CommitFixture() {
    }

    /** A frozen copy of gw-a's example config, so golden diffs do not move when the shipped example grows. */
    public static String example() {
        try {
            return Files.readString(examplePath(), StandardCharsets.UTF_8);
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path examplePath() {
        try {
            return Path.of(CommitFixture.class.getResource("/commit/gw-a.yaml").toURI());
        } catch (final java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The example with {@code from} (which must occur) replaced by {@code to}. */
    public static String exampleWith(final String from, final String to) {
        final String yaml = example();
        if (!yaml.contains(from)) {
            throw new AssertionError("example lacks " + from);
        }
        return yaml.replace(from, to);
    }

    public static ConfigService open(final Path dir, final ApplyTarget target) throws IOException {
        return ConfigService.open(dir, target, SecretSources.system(), CLOCK);
    }
}
