package io.xgate.controlplane.config;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/** Suggests the closest allowed word for a misspelt one (Levenshtein distance). */
final class DidYouMean {
    private DidYouMean() {
    }

    /** The closest candidate, if it is close enough to be a typo rather than a different word. */
    static Optional<String> closest(final String word, final Collection<String> candidates) {
        final int tolerance = Math.max(1, Math.min(3, word.length() / 3));
        return candidates.stream()
                .filter(c -> distance(word, c) <= tolerance)
                .min(Comparator.comparingInt((String c) -> distance(word, c)));
    }

    /** ", did you mean X?" or ", expected one of: a, b, c". */
    static String hint(final String word, final Collection<String> candidates) {
        return closest(word, candidates)
                .map(c -> ", did you mean " + c + "?")
                .orElseGet(() -> ", expected one of: " + String.join(", ", candidates));
    }

    static int distance(final String a, final String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                final int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            final int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
