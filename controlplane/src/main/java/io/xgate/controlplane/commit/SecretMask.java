package io.xgate.controlplane.commit;

import io.xgate.controlplane.config.Secret;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Replaces every inline secret (a {@code key} field: pre-shared keys, manual keys) in a YAML tree before it
 * is shown. In a diff, a key that changed must still show as changed, so the newer tree's mask says so, while
 * neither side ever holds a byte of the key. {@code key-file} and {@code key-env} name where a key is, not
 * what it is, and stay visible.
 */
final class SecretMask {
    static final String SECRET_FIELD = "key";
    static final String CHANGED = Secret.REDACTED + " (changed)";

    private SecretMask() {
    }

    /** A copy of {@code tree} with every secret masked. */
    static Map<Object, Object> mask(final Map<Object, Object> tree) {
        return masked(tree, tree);
    }

    /** A copy of {@code newer} with every secret masked, those that differ from {@code older}'s marked. */
    static Map<Object, Object> maskAgainst(final Map<Object, Object> newer, final Map<Object, Object> older) {
        return masked(newer, older);
    }

    private static Map<Object, Object> masked(final Map<?, ?> map, final Object older) {
        final Map<?, ?> olderMap = older instanceof Map<?, ?> m ? m : Map.of();
        final Map<Object, Object> out = new LinkedHashMap<>();
        map.forEach((key, value) -> {
            if (SECRET_FIELD.equals(key) && value != null) {
                out.put(key, Objects.equals(value, olderMap.get(key)) ? Secret.REDACTED : CHANGED);
            } else {
                out.put(key, maskedValue(value, olderMap.get(key)));
            }
        });
        return out;
    }

    private static Object maskedValue(final Object value, final Object older) {
        return switch (value) {
            case Map<?, ?> map -> masked(map, older);
            case List<?> list -> {
                final List<?> olderList = older instanceof List<?> l ? l : List.of();
                yield list.stream().map(item -> maskedValue(item, counterpart(item, olderList, list))).toList();
            }
            case null, default -> value;
        };
    }

    /** The older list's item for {@code item}: the one with its name, so reordering marks nothing changed. */
    private static Object counterpart(final Object item, final List<?> olderList, final List<?> list) {
        if (item instanceof Map<?, ?> map && map.get("name") != null) {
            return olderList.stream().filter(o -> o instanceof Map<?, ?> m && map.get("name").equals(m.get("name")))
                    .findFirst().orElse(null);
        }
        final int index = list.indexOf(item);
        return index < olderList.size() ? olderList.get(index) : null;
    }
}
