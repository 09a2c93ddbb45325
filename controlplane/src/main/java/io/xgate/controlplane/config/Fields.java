package io.xgate.controlplane.config;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The keys of one YAML map. The keys a binder asks for are the keys allowed at this path, so when the
 * binder is done every other key is reported as unknown with the closest allowed one as a hint.
 */
final class Fields {
    private final Map<?, ?> map;
    private final ConfigPath path;
    private final ErrorCollector errors;
    /** The map was absent or not a map: its absence is already reported or allowed, its keys are not required. */
    private final boolean placeholder;
    private final boolean sensitive;
    private final Set<String> allowed = new LinkedHashSet<>();

    Fields(final Map<?, ?> map, final ConfigPath path, final ErrorCollector errors, final boolean placeholder,
           final boolean sensitive) {
        this.map = map;
        this.path = path;
        this.errors = errors;
        this.placeholder = placeholder;
        this.sensitive = sensitive;
    }

    ConfigPath path() {
        return path;
    }

    ErrorCollector errors() {
        return errors;
    }

    /** True when the map was absent (or not a map): the object it stands for was not written. */
    boolean isPlaceholder() {
        return placeholder;
    }

    Node get(final String key) {
        allowed.add(key);
        return new Node(map.get(key), path.key(key), errors, map.containsKey(key) && map.get(key) == null);
    }

    Node require(final String key) {
        final Node node = get(key);
        if (!node.isPresent() && !placeholder) {
            errors.add(node.path(), "is required");
        }
        return node;
    }

    /** A required config word, where a written YAML null counts: it may be the word {@code null}. */
    Node requireWord(final String key) {
        final Node node = get(key);
        if (!node.isPresent() && !node.isWrittenNull() && !placeholder) {
            errors.add(node.path(), "is required");
        }
        return node;
    }

    /** The object's {@code name}, required. */
    String name() {
        return require("name").string("");
    }

    /**
     * Exactly one of the alternatives' keys (or at most one when {@code fallback} stands for "none given"
     * and {@code required} is false). Every present alternative is read, so its own errors show too.
     */
    <T> T oneOf(final boolean required, final T fallback, final List<Alternative<T>> alternatives) {
        final List<String> present = new ArrayList<>();
        T chosen = null;
        for (final Alternative<T> alternative : alternatives) {
            final Node node = get(alternative.key());
            if (node.isPresent()) {
                present.add(alternative.key());
                final T bound = alternative.binder().apply(node);
                chosen = chosen == null ? bound : chosen;
            }
        }
        final List<String> keys = alternatives.stream().map(Alternative::key).toList();
        final String choices = String.join(", ", keys);
        if (present.size() > 1) {
            errors.add(path, "only one of " + choices + " is allowed, got " + String.join(" and ", present),
                    present.stream().map(path::key).toList());
        } else if (present.isEmpty() && required && !placeholder) {
            errors.add(path, "one of " + choices + " is required", keys.stream().map(path::key).toList());
        }
        return chosen == null ? fallback : chosen;
    }

    void finish() {
        for (final Object key : map.keySet()) {
            if (!(key instanceof String name)) {
                errors.add(path, "keys must be strings, got " + Node.describe(key));
            } else if (!allowed.contains(name)) {
                reportUnknown(name);
            }
        }
    }

    private void reportUnknown(final String key) {
        if (sensitive) {
            errors.add(path, "unknown key (not shown: this map holds a secret), expected one of: "
                    + String.join(", ", allowed));
        } else {
            errors.add(path.key(key), "unknown key" + DidYouMean.hint(key, allowed));
        }
    }

    /** One way of giving a value, e.g. {@code auto-key} versus {@code manual-key}. */
    record Alternative<T>(String key, Function<Node, T> binder) {
    }
}
