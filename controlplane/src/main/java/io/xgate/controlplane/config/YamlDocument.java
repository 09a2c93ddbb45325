package io.xgate.controlplane.config;

import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

import java.util.List;
import java.util.Optional;

/** Parses YAML text to plain maps, lists and scalars, turning syntax errors into config errors. */
final class YamlDocument {
    /** Far beyond any real device config; bounds the work a hostile or corrupt file can cause. */
    private static final int MAX_CODE_POINTS = 8 * 1024 * 1024;
    private static final int MAX_ALIASES = 50;

    private YamlDocument() {
    }

    /** The document's root value, or empty after recording why it could not be read. */
    static Optional<Object> read(final String yaml, final String sourceName, final ErrorCollector errors) {
        final LoadSettings settings = LoadSettings.builder()
                .setLabel(sourceName)
                .setAllowDuplicateKeys(false)
                .setAllowRecursiveKeys(false)
                .setMaxAliasesForCollections(MAX_ALIASES)
                .setCodePointLimit(MAX_CODE_POINTS)
                .build();
        try {
            return Optional.ofNullable(new Load(settings).loadFromString(yaml));
        } catch (final MarkedYamlEngineException e) {
            errors.add(location(sourceName, e), describe(e), List.of(ConfigPath.ROOT));
        } catch (final YamlEngineException e) {
            errors.add(new ConfigPath(sourceName), "not valid YAML: " + e.getMessage(), List.of(ConfigPath.ROOT));
        } catch (final StackOverflowError e) {
            errors.add(new ConfigPath(sourceName), "not valid YAML: nested too deeply", List.of(ConfigPath.ROOT));
        }
        return Optional.empty();
    }

    private static ConfigPath location(final String sourceName, final MarkedYamlEngineException e) {
        final Optional<Mark> mark = e.getProblemMark().or(e::getContextMark);
        return new ConfigPath(mark.map(m -> sourceName + ":" + (m.getLine() + 1) + ":" + (m.getColumn() + 1))
                .orElse(sourceName));
    }

    /**
     * The problem and its context only: snakeyaml's full message quotes the offending line, which may be
     * the line holding a key.
     */
    private static String describe(final MarkedYamlEngineException e) {
        final String context = e.getContext() == null ? "" : e.getContext() + ": ";
        return "not valid YAML: " + context + e.getProblem();
    }
}
