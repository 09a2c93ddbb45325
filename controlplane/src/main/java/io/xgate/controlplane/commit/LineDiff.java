package io.xgate.controlplane.commit;

import java.util.ArrayList;
import java.util.List;

/**
 * A line diff for people: changed lines prefixed {@code -} and {@code +}, each run of changes with up to
 * {@value #CONTEXT} unchanged lines around it and {@code ...} where unchanged lines are left out. Configs are
 * hundreds of lines, so the longest common subsequence table is small.
 */
final class LineDiff {
    static final int CONTEXT = 2;
    /** Beyond this the quadratic table is not worth it; the diff then shows every line as replaced. */
    private static final int MAX_CELLS = 16_000_000;

    private LineDiff() {
    }

    /** The diff lines, empty when the texts are the same. */
    static List<String> between(final String older, final String newer) {
        final List<String> a = older.lines().toList();
        final List<String> b = newer.lines().toList();
        final List<String> marked = marked(a, b);
        final List<String> out = new ArrayList<>();
        int lastShown = -1;
        for (int i = 0; i < marked.size(); i++) {
            if (nearChange(marked, i)) {
                if (i > lastShown + 1) {
                    out.add("...");
                }
                out.add(marked.get(i));
                lastShown = i;
            }
        }
        if (!out.isEmpty() && lastShown < marked.size() - 1) {
            out.add("...");
        }
        return out;
    }

    private static boolean nearChange(final List<String> marked, final int i) {
        for (int j = Math.max(0, i - CONTEXT); j <= Math.min(marked.size() - 1, i + CONTEXT); j++) {
            if (isChange(marked.get(j))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isChange(final String line) {
        return line.charAt(0) != ' ';
    }

    /** Every line of both texts in order, prefixed "  ", "- " or "+ ". */
    private static List<String> marked(final List<String> a, final List<String> b) {
        final List<String> out = new ArrayList<>();
        if ((long) a.size() * b.size() > MAX_CELLS) {
            a.forEach(line -> out.add("- " + line));
            b.forEach(line -> out.add("+ " + line));
            return out;
        }
        final int[][] common = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                common[i][j] = a.get(i).equals(b.get(j)) ? common[i + 1][j + 1] + 1
                        : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
                out.add("  " + a.get(i++));
                j++;
            } else if (i < a.size() && (j == b.size() || common[i + 1][j] >= common[i][j + 1])) {
                out.add("- " + a.get(i++));
            } else {
                out.add("+ " + b.get(j++));
            }
        }
        return out;
    }
}
