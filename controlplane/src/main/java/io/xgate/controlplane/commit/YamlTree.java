package io.xgate.controlplane.commit;

import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The candidate as a tree of maps, lists and scalars: parsed from text, edited by {@link TreePath}, and dumped
 * back in one canonical block style (so two configs that mean the same print the same). Comments do not
 * survive an edit: the tree has no place for them.
 */
final class YamlTree {
    /** As the config loader's limits: a candidate is never bigger than a config file may be. */
    private static final int MAX_CODE_POINTS = 8 * 1024 * 1024;
    private static final int MAX_ALIASES = 50;

    private YamlTree() {
    }

    /** The document's root map (empty for an empty document). */
    static Map<Object, Object> parse(final String yaml) {
        final Object root;
        try {
            root = new Load(LoadSettings.builder().setAllowDuplicateKeys(false).setAllowRecursiveKeys(false)
                    .setMaxAliasesForCollections(MAX_ALIASES).setCodePointLimit(MAX_CODE_POINTS).build())
                    .loadFromString(yaml);
        } catch (final YamlEngineException e) {
            // Only the first line: snakeyaml goes on to quote the offending line, which may hold a key.
            throw new IllegalArgumentException("not valid YAML: " + e.getMessage().lines().findFirst().orElse(""));
        }
        return switch (root) {
            case null -> new LinkedHashMap<>();
            case Map<?, ?> map -> mutable(map);
            default -> throw new IllegalArgumentException("not a config: the document must be a map");
        };
    }

    /** A value written on the command line, read as YAML: {@code 1024} is a number, {@code [a, b]} a list. */
    static Object value(final String text) {
        try {
            return copy(new Load(LoadSettings.builder().setCodePointLimit(MAX_CODE_POINTS).build())
                    .loadFromString(text));
        } catch (final YamlEngineException e) {
            throw new IllegalArgumentException("value is not valid YAML (quote strings holding ': ' or '#')");
        }
    }

    static String dump(final Map<Object, Object> root) {
        if (root.isEmpty()) {
            return "";
        }
        return new Dump(DumpSettings.builder().setDefaultFlowStyle(FlowStyle.BLOCK).setIndent(2)
                .setIndicatorIndent(2).setIndentWithIndicator(true).setWidth(120).build()).dumpToString(root);
    }

    /** Sets the value at {@code path}, creating the maps and named list items on the way. */
    static void set(final Map<Object, Object> root, final TreePath path, final Object value) {
        Object parent = root;
        final List<TreePath.Step> steps = path.steps();
        for (int i = 0; i < steps.size() - 1; i++) {
            parent = child(parent, steps.get(i), steps.get(i + 1), path);
        }
        switch (steps.getLast()) {
            case TreePath.Key(final String key) -> asMap(parent, path).put(key, value);
            case TreePath.Item item -> {
                final List<Object> list = asList(parent, path);
                final int index = find(list, item);
                if (index < 0) {
                    list.add(value);
                } else {
                    list.set(index, value);
                }
            }
        }
    }

    static void delete(final Map<Object, Object> root, final TreePath path) {
        Object parent = root;
        final List<TreePath.Step> steps = path.steps();
        for (int i = 0; i < steps.size() - 1; i++) {
            parent = existing(parent, steps.get(i), path);
        }
        switch (steps.getLast()) {
            case TreePath.Key(final String key) -> {
                if (asMap(parent, path).remove(key) == null) {
                    throw notFound(path);
                }
            }
            case TreePath.Item item -> {
                final List<Object> list = asList(parent, path);
                final int index = find(list, item);
                if (index < 0) {
                    throw notFound(path);
                }
                list.remove(index);
            }
        }
    }

    /** The child at {@code step}, created when missing: a map, or a list when the next step is an item. */
    private static Object child(final Object parent, final TreePath.Step step, final TreePath.Step next,
                                final TreePath path) {
        final Object created = next instanceof TreePath.Item ? new ArrayList<>() : new LinkedHashMap<>();
        return switch (step) {
            case TreePath.Key(final String key) -> {
                final Map<Object, Object> map = asMap(parent, path);
                if (map.get(key) == null) {
                    map.put(key, created);
                }
                yield map.get(key);
            }
            case TreePath.Item item -> {
                final List<Object> list = asList(parent, path);
                final int index = find(list, item);
                if (index >= 0) {
                    yield list.get(index);
                }
                final Map<Object, Object> named = new LinkedHashMap<>();
                named.put("name", item.name());
                list.add(named);
                yield named;
            }
        };
    }

    private static Object existing(final Object parent, final TreePath.Step step, final TreePath path) {
        final Object found = switch (step) {
            case TreePath.Key(final String key) -> asMap(parent, path).get(key);
            case TreePath.Item item -> {
                final List<Object> list = asList(parent, path);
                final int index = find(list, item);
                yield index < 0 ? null : list.get(index);
            }
        };
        if (found == null) {
            throw notFound(path);
        }
        return found;
    }

    /** The item whose {@code name} is the step's name; failing that, a number is an index. */
    private static int find(final List<Object> list, final TreePath.Item item) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) instanceof Map<?, ?> map && item.name().equals(map.get("name"))) {
                return i;
            }
        }
        if (item.name().chars().allMatch(Character::isDigit) && item.name().length() < 6) {
            final int index = Integer.parseInt(item.name());
            return index < list.size() ? index : -1;
        }
        return -1;
    }

    @SuppressWarnings("unchecked")
    private static Map<Object, Object> asMap(final Object node, final TreePath path) {
        if (node instanceof Map<?, ?> map) {
            return (Map<Object, Object>) map;
        }
        throw new IllegalArgumentException(path + ": a step before the last is not a map");
    }

    @SuppressWarnings("unchecked")
    private static List<Object> asList(final Object node, final TreePath path) {
        if (node instanceof List<?> list) {
            return (List<Object>) list;
        }
        throw new IllegalArgumentException(path + ": [name] needs a list before it");
    }

    private static IllegalArgumentException notFound(final TreePath path) {
        return new IllegalArgumentException(path + ": not in the candidate");
    }

    private static Map<Object, Object> mutable(final Map<?, ?> map) {
        final Map<Object, Object> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(k, copy(v)));
        return copy;
    }

    /** Deep, mutable copy: the loader's collections are shared by YAML aliases and must be edited apart. */
    private static Object copy(final Object value) {
        return switch (value) {
            case Map<?, ?> map -> mutable(map);
            case List<?> list -> new ArrayList<>(list.stream().map(YamlTree::copy).toList());
            case null, default -> value;
        };
    }
}
