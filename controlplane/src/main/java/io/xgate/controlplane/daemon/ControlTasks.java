package io.xgate.controlplane.daemon;

import java.util.PriorityQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Work other threads hand to the daemon's control thread, which owns the counters manager, the applier's state
 * and the neighbour resolver: a commit from the management API, a {@code show} that reads SA state. Calls from
 * the control thread itself (start-up, before the loop runs) run at once; calls from others wait, bounded,
 * until the loop has run them. Also timers on that thread (the grace period before an old inbound SA goes).
 */
final class ControlTasks {
    static final long CALL_TIMEOUT_SECONDS = 30;

    private final Thread owner = Thread.currentThread();
    private final ConcurrentLinkedQueue<Runnable> queued = new ConcurrentLinkedQueue<>();
    /** Control thread only. */
    private final PriorityQueue<Timer> timers = new PriorityQueue<>();
    private volatile boolean closed;

    /** A task due at {@code due} (System.nanoTime); {@link #cancel()} before then and it never runs. */
    static final class Timer implements Comparable<Timer> {
        private final long due;
        private final Runnable task;
        private boolean cancelled;

        private Timer(final long due, final Runnable task) {
            this.due = due;
            this.task = task;
        }

        /** Control thread only. */
        void cancel() {
            cancelled = true;
        }

        @Override
        public int compareTo(final Timer other) {
            return Long.compare(due, other.due);
        }
    }

    /** Runs {@code task} on the control thread and returns its result (or throws what it threw). */
    <T> T call(final Callable<T> task) throws Exception {
        if (Thread.currentThread() == owner) {
            return task.call();
        }
        if (closed) {
            throw new IllegalStateException("the gateway is stopping");
        }
        final CompletableFuture<T> result = new CompletableFuture<>();
        queued.add(() -> {
            try {
                result.complete(task.call());
            } catch (final Exception | Error e) {
                result.completeExceptionally(e);
            }
        });
        try {
            return result.get(CALL_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (final ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        } catch (final TimeoutException e) {
            throw new IllegalStateException("the control thread did not answer within " + CALL_TIMEOUT_SECONDS + " s");
        }
    }

    /** Control thread only: runs {@code task} after {@code delayNanos}. */
    Timer schedule(final long delayNanos, final Runnable task) {
        final Timer timer = new Timer(System.nanoTime() + delayNanos, task);
        timers.add(timer);
        return timer;
    }

    /** Control thread: runs what was handed over and the timers that are due; returns how many ran. */
    int runDue() {
        int work = 0;
        Runnable task;
        while ((task = queued.poll()) != null) {
            task.run();
            work++;
        }
        final long now = System.nanoTime();
        while (!timers.isEmpty() && timers.peek().due - now <= 0) {
            final Timer timer = timers.poll();
            if (!timer.cancelled) {
                timer.task.run();
                work++;
            }
        }
        return work;
    }

    /**
     * After the loop ended: refuses new calls and still runs the waiting ones, so no caller hangs (the worker is
     * there until the daemon closes it). Timers are dropped: the SAs they would remove are closed with the rest.
     */
    void close() {
        closed = true;
        Runnable task;
        while ((task = queued.poll()) != null) {
            task.run();
        }
        timers.clear();
    }
}
