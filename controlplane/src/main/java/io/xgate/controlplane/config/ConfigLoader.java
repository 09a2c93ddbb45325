package io.xgate.controlplane.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a YAML device config: {@link #parse} checks structure and types, {@link #load} also validates the
 * meaning and reports both kinds of error together.
 */
public final class ConfigLoader {
    private ConfigLoader() {
    }

    /** Structure, types and value syntax only; secrets from the process environment and files. */
    public static LoadResult parse(final String yaml, final String sourceName) {
        return parse(yaml, sourceName, SecretSources.system());
    }

    public static LoadResult parse(final String yaml, final String sourceName, final SecretSources sources) {
        final ErrorCollector errors = new ErrorCollector();
        final DeviceConfig config = bind(yaml, sourceName, sources, errors);
        return errors.isEmpty() ? new LoadResult.Valid(config) : new LoadResult.Invalid(errors.errors());
    }

    /** Parses and validates, reporting every load and validation error at once. */
    public static LoadResult load(final String yaml, final String sourceName) {
        return load(yaml, sourceName, SecretSources.system());
    }

    public static LoadResult load(final String yaml, final String sourceName, final SecretSources sources) {
        final ErrorCollector loadErrors = new ErrorCollector();
        final DeviceConfig config = bind(yaml, sourceName, sources, loadErrors);
        final List<ConfigError> all = new ArrayList<>(loadErrors.errors());
        // Semantic errors inside a value that failed to load would only restate that failure.
        ConfigValidator.validate(config).stream().filter(e -> !loadErrors.isBroken(e.path())).forEach(all::add);
        return all.isEmpty() ? new LoadResult.Valid(config) : new LoadResult.Invalid(all);
    }

    public static LoadResult load(final Path file) throws IOException {
        return load(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    }

    private static DeviceConfig bind(final String yaml, final String sourceName, final SecretSources sources,
                                     final ErrorCollector errors) {
        final Object root = YamlDocument.read(yaml, sourceName, errors).orElse(null);
        return new DocumentBinder(sources).bind(new Node(root, ConfigPath.ROOT, errors));
    }
}
