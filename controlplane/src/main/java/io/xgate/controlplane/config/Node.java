package io.xgate.controlplane.config;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A value of the loaded YAML tree at a known path. Every getter returns a value: on a type error it
 * records the error and returns the fallback, so the whole document is read and every error reported.
 * A YAML null counts as absent, so {@code comment:} with nothing after it means the default.
 */
final class Node {
    private final Object value;
    private final ConfigPath path;
    private final ErrorCollector errors;
    /** Written as YAML null (key present, nothing or {@code null} after it), not left out. */
    private final boolean writtenNull;

    Node(final Object value, final ConfigPath path, final ErrorCollector errors) {
        this(value, path, errors, false);
    }

    Node(final Object value, final ConfigPath path, final ErrorCollector errors, final boolean writtenNull) {
        this.value = value;
        this.path = path;
        this.errors = errors;
        this.writtenNull = writtenNull;
    }

    ConfigPath path() {
        return path;
    }

    ErrorCollector errors() {
        return errors;
    }

    boolean isPresent() {
        return value != null;
    }

    boolean isWrittenNull() {
        return writtenNull;
    }

    boolean isString() {
        return value instanceof String;
    }

    boolean isMap() {
        return value instanceof Map<?, ?>;
    }

    String string(final String fallback) {
        return switch (value) {
            case null -> fallback;
            case String s -> s;
            default -> mismatch("a string", fallback);
        };
    }

    boolean bool(final boolean fallback) {
        return switch (value) {
            case null -> fallback;
            case Boolean b -> b;
            case String s -> {
                errors.add(path, "expected true or false, got '" + s + "'");
                yield fallback;
            }
            default -> mismatch("true or false", fallback);
        };
    }

    int integer(final int fallback) {
        return switch (value) {
            case null -> fallback;
            case Integer i -> i;
            case Long l when l == l.intValue() -> l.intValue();
            case Long _, BigInteger _ -> {
                errors.add(path, "is too large, got " + value);
                yield fallback;
            }
            default -> mismatch("an integer", fallback);
        };
    }

    /** A string turned into a typed value; the parser's IllegalArgumentException message becomes the error. */
    <T> T parsed(final Function<String, T> parser, final T fallback) {
        if (!(value instanceof String text)) {
            return value == null ? fallback : mismatch("a string", fallback);
        }
        try {
            return parser.apply(text);
        } catch (final IllegalArgumentException e) {
            errors.add(path, e.getMessage());
            return fallback;
        }
    }

    /** A config word; YAML reads the algorithm name {@code null} as a null, so a written null is that word. */
    <E> E choice(final Choices<E> choices, final E fallback) {
        return choice(choices).orElse(fallback);
    }

    /**
     * As {@link #choice(Choices, Object)}, empty when the word is absent or not a choice, for callers whose
     * other checks depend on the word and must not run against a stand-in.
     */
    <E> Optional<E> choice(final Choices<E> choices) {
        final String text = writtenNull ? "null" : string(null);
        if (text == null) {
            return Optional.empty();
        }
        final Optional<E> chosen = choices.parse(text);
        if (chosen.isEmpty()) {
            errors.add(path, "'" + text + "' is not one of " + String.join(", ", choices.names())
                    + DidYouMean.closest(text, choices.names()).map(c -> "; did you mean " + c + "?").orElse(""));
        }
        return chosen;
    }

    /** A list whose items are read by {@code item}; absent means empty. */
    <T> List<T> list(final Function<Node, T> item) {
        if (!(value instanceof List<?> items)) {
            return value == null ? List.of() : mismatch("a list", List.of());
        }
        final List<T> out = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            out.add(item.apply(new Node(items.get(i), path.index(i), errors, items.get(i) == null)));
        }
        return out;
    }

    /** A list of objects that carry a {@code name}; each item's path uses its name when it has one. */
    <T> List<T> namedList(final Function<Fields, T> item) {
        if (!(value instanceof List<?> items)) {
            return value == null ? List.of() : mismatch("a list", List.of());
        }
        final List<T> out = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            final Object element = items.get(i);
            final ConfigPath itemPath = element instanceof Map<?, ?> m && m.get("name") instanceof String name
                    ? path.item(name) : path.index(i);
            out.add(new Node(element, itemPath, errors).object(item));
        }
        return out;
    }

    /** A map read by {@code binder}; absent reads as an empty map, so every field takes its default. */
    <T> T object(final Function<Fields, T> binder) {
        return object(binder, false);
    }

    /** As {@link #object(Function)}, for a map holding a secret: unknown keys there are not echoed. */
    <T> T sensitiveObject(final Function<Fields, T> binder) {
        return object(binder, true);
    }

    private <T> T object(final Function<Fields, T> binder, final boolean sensitive) {
        final boolean wrongType = value != null && !(value instanceof Map<?, ?>);
        if (wrongType) {
            mismatch("a map", null);
        }
        final Map<?, ?> map = value instanceof Map<?, ?> m ? m : Map.of();
        final Fields fields = new Fields(map, path, errors, value == null || wrongType, sensitive);
        final T bound = binder.apply(fields);
        fields.finish();
        return bound;
    }

    private <T> T mismatch(final String expected, final T fallback) {
        errors.add(path, "expected " + expected + ", got " + describe(value));
        return fallback;
    }

    /** The kind of a value, never the value itself: it may be a secret or a self-referencing YAML alias. */
    static String describe(final Object value) {
        return switch (value) {
            case String _ -> "a string";
            case Integer _, Long _, BigInteger _ -> "an integer";
            case Double _ -> "a decimal number";
            case Boolean _ -> "a boolean";
            case Map<?, ?> _ -> "a map";
            case List<?> _ -> "a list";
            case byte[] _ -> "binary data";
            case null -> "nothing";
            default -> "a value of type " + value.getClass().getSimpleName();
        };
    }
}
