package io.xgate.controlplane.daemon;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The inverse of every worker command one apply posted, newest first, so a failed commit is reverted exactly:
 * whatever part of the change had been programmed is taken back, in reverse order.
 */
final class UndoLog {
    /** One inverse step; may fail when the worker's command ring is full. */
    @FunctionalInterface
    interface Step {
        void run();
    }

    private final Deque<Step> steps = new ArrayDeque<>();

    void push(final Step inverse) {
        steps.push(inverse);
    }

    /** A new apply starts: what the last one did stays done. */
    void clear() {
        steps.clear();
    }

    /** Runs every inverse, newest first; all run even when one fails, and the first failure is rethrown. */
    void runBackwards() {
        RuntimeException first = null;
        while (!steps.isEmpty()) {
            try {
                steps.pop().run();
            } catch (final RuntimeException e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
