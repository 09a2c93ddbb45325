package io.xgate.controlplane.commit;

import java.util.ArrayList;
import java.util.List;

/**
 * A path into the YAML tree, in the syntax error messages use: keys joined by '.', list items by
 * {@code [name]} (or {@code [index]} for items without a name). Brackets are opaque, so names holding dots
 * or colons ({@code interfaces.tunnel[tunnel.1]}, {@code address[2001:db8::/64]}) need no quoting.
 */
record TreePath(String text, List<Step> steps) {

    sealed interface Step {
    }

    record Key(String key) implements Step {
    }

    record Item(String name) implements Step {
    }

    TreePath {
        steps = List.copyOf(steps);
    }

    static TreePath parse(final String text) {
        final List<Step> steps = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            if (text.charAt(i) == '[') {
                final int close = text.indexOf(']', i);
                if (close < 0 || close == i + 1 || steps.isEmpty()) {
                    throw new IllegalArgumentException("bad path '" + text + "': '[' needs a key before it, "
                            + "a name inside and a closing ']'");
                }
                steps.add(new Item(text.substring(i + 1, close)));
                i = close + 1;
                if (i < text.length() && text.charAt(i) != '.' && text.charAt(i) != '[') {
                    throw new IllegalArgumentException("bad path '" + text + "': expected '.' or '[' after ']'");
                }
            } else {
                final int start = text.charAt(i) == '.' && !steps.isEmpty() ? i + 1 : i;
                int end = start;
                while (end < text.length() && text.charAt(end) != '.' && text.charAt(end) != '[') {
                    end++;
                }
                if (end == start) {
                    throw new IllegalArgumentException("bad path '" + text + "': empty key");
                }
                steps.add(new Key(text.substring(start, end)));
                i = end;
            }
        }
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("bad path: it is empty");
        }
        return new TreePath(text, steps);
    }

    @Override
    public String toString() {
        return text;
    }
}
