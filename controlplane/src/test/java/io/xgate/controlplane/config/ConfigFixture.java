package io.xgate.controlplane.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The valid full example, edits of it, and secret sources that need no real environment or files. */
final class ConfigFixture {
    static final String PSK = "correct horse battery staple";
    static final String PSK_B = "backup tunnel secret 42";
    static final String GCM_KEY_TEXT = "00112233-44556677-8899aabb-ccddeeff-0a0b0c0d";
    static final String GCM_KEY_HEX = "00112233445566778899aabbccddeeff0a0b0c0d";
    static final String SOURCE = "test.yaml";
    /** Key files whose name ends so are reported readable by others, as a chmod 644 file would be. */
    static final String LOOSE_MODE_SUFFIX = ".world-readable";

    static final SecretSources SOURCES = sources(Map.of("XGATE_PSK_B", PSK_B), Map.of());

    private ConfigFixture() {
    }

    static String fullExample() {
        try (InputStream in = ConfigFixture.class.getResourceAsStream("/config/full-example.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The full example with each {@code from} (which must occur) replaced by the following {@code to}. */
    static String edited(final String... fromTo) {
        String yaml = fullExample();
        for (int i = 0; i < fromTo.length; i += 2) {
            assertTrue(yaml.contains(fromTo[i]), "fixture lacks: " + fromTo[i]);
            yaml = yaml.replace(fromTo[i], fromTo[i + 1]);
        }
        return yaml;
    }

    static LoadResult load(final String yaml) {
        return ConfigLoader.load(yaml, SOURCE, SOURCES);
    }

    static List<String> errors(final String yaml) {
        return load(yaml).errors().stream().map(ConfigError::toString).toList();
    }

    static DeviceConfig valid(final String yaml) {
        final LoadResult result = load(yaml);
        if (result instanceof LoadResult.Valid(final DeviceConfig config)) {
            return config;
        }
        throw new AssertionError("expected a valid config, got " + result.errors());
    }

    static SecretSources sources(final Map<String, String> environment, final Map<String, String> files) {
        return new SecretSources() {
            @Override
            public Optional<String> environment(final String name) {
                return Optional.ofNullable(environment.get(name));
            }

            @Override
            public String readFile(final String path) throws IOException {
                final String content = files.get(path);
                if (content == null) {
                    throw new NoSuchFileException(path);
                }
                return content;
            }

            @Override
            public boolean readableByOthers(final String path) {
                return path.endsWith(LOOSE_MODE_SUFFIX);
            }
        };
    }
}
