package io.xgate.controlplane.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a secret given inline ({@code key}), from a file ({@code key-file}) or from an environment variable
 * ({@code key-env}). Errors name where the secret came from, never what it is.
 */
final class SecretReader {
    private static final Pattern HEX_SEPARATORS = Pattern.compile("[-:\\s]");
    private static final Pattern HEX_DIGITS = Pattern.compile("[0-9a-fA-F]*");

    private final SecretSources sources;

    SecretReader(final SecretSources sources) {
        this.sources = sources;
    }

    /** Manual-key material as hex, {@code 0x} prefix and '-', ':' or blank separators allowed; empty when absent. */
    Secret optionalHexKey(final Fields holder) {
        return text(holder, false).map(t -> hex(t, holder)).orElse(Secret.EMPTY);
    }

    /** A pre-shared key: its text as UTF-8. */
    Secret requiredText(final Fields holder) {
        return text(holder, true).map(t -> Secret.of(t.getBytes(StandardCharsets.UTF_8))).orElse(Secret.EMPTY);
    }

    private Optional<String> text(final Fields holder, final boolean required) {
        return Optional.ofNullable(holder.oneOf(required, null, List.of(
                new Fields.Alternative<>("key", node -> node.string(null)),
                new Fields.Alternative<>("key-file", node -> fromFile(node, holder.path())),
                new Fields.Alternative<>("key-env", node -> fromEnvironment(node, holder.path())))));
    }

    /** A source that fails leaves the holder without a key: checks of the key's length would only repeat that. */
    private String fromFile(final Node node, final ConfigPath holder) {
        final String file = node.string(null);
        if (file == null) {
            return null;
        }
        try {
            // Editors end files with a newline that is not part of the key.
            return sources.readFile(file).stripTrailing();
        } catch (final IOException e) {
            node.errors().add(node.path(), "cannot read key file " + file + ": " + e.getClass().getSimpleName(),
                    List.of(holder));
            return null;
        }
    }

    private String fromEnvironment(final Node node, final ConfigPath holder) {
        final String variable = node.string(null);
        if (variable == null) {
            return null;
        }
        final Optional<String> value = sources.environment(variable);
        if (value.isEmpty()) {
            node.errors().add(node.path(), "environment variable " + variable + " is not set", List.of(holder));
        }
        return value.orElse(null);
    }

    private static Secret hex(final String text, final Fields holder) {
        final String body = text.startsWith("0x") || text.startsWith("0X") ? text.substring(2) : text;
        final String digits = HEX_SEPARATORS.matcher(body).replaceAll("");
        if (!HEX_DIGITS.matcher(digits).matches() || digits.length() % 2 != 0) {
            holder.errors().add(holder.path(), "key must be an even number of hex digits, optionally 0x-prefixed "
                    + "and separated by '-' or ':'");
            return Secret.EMPTY;
        }
        return Secret.of(HexFormat.of().parseHex(digits));
    }
}
