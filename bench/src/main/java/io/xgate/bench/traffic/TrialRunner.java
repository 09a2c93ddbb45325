package io.xgate.bench.traffic;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs one trial: the generator and the sink each on a thread of their own, the generator sending for the
 * trial's duration, the sink receiving for that long plus the drain period (frames still in the DUT), then both
 * stop by themselves. The calling thread reports progress once a second until both are done.
 */
public final class TrialRunner {
    /** Time for both threads to be up and spinning before the first frame goes out. */
    private static final long LEAD_NS = 20_000_000;
    private static final Duration PROGRESS_PERIOD = Duration.ofSeconds(1);
    /** After a trial, the DUT counts as settled once its sink saw nothing for this long (at most SETTLE_LIMIT). */
    private static final long QUIET_NS = 200_000_000;
    private static final long SETTLE_LIMIT_NS = 30_000_000_000L;

    private final Generator generator;
    private final Sink sink;
    private final Duration drain;
    private final TrialProgress progress;

    public TrialRunner(final Generator generator, final Sink sink, final Duration drain, final TrialProgress progress) {
        this.generator = generator;
        this.sink = sink;
        this.drain = drain;
        this.progress = progress;
    }

    public TrialResult run(final double ratePps, final FrameSizes sizes, final Duration duration) {
        generator.prepare(sizes);
        sink.prepare();
        final long start = System.nanoTime() + LEAD_NS;
        final long end = start + duration.toNanos();
        final long stop = end + drain.toNanos();
        final AtomicReference<Throwable> failure = new AtomicReference<>();
        final Thread sending = start("xgate-generator", () -> generator.transmit(ratePps, start, end, stop), failure);
        final Thread receiving = start("xgate-sink", () -> sink.receive(stop), failure);
        try {
            // The sink stops last (it waits out the drain period the generator only may use), so waiting on it
            // is waiting on both.
            while (!receiving.join(PROGRESS_PERIOD)) {
                progress.update(ratePps, generator.sent(), sink.received(), System.nanoTime() - start, duration.toNanos());
            }
            sending.join();
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the trial ran; its threads stop at the deadline", e);
        }
        if (failure.get() != null) {
            throw new IllegalStateException("trial at " + ratePps + " pps failed", failure.get());
        }
        final StreamTracker streams = sink.streams();
        final long sent = generator.sent();
        final TrialResult result = new TrialResult(ratePps, sizes.label(), sizes.meanSize(), duration, sent,
                sink.received(), sent - streams.unique(), streams.reordered(), streams.duplicates(),
                sink.kernelDrops(), sink.latency().copy());
        sink.awaitQuiet(QUIET_NS, SETTLE_LIMIT_NS);
        return result;
    }

    private static Thread start(final String name, final Runnable work, final AtomicReference<Throwable> failure) {
        return Thread.ofPlatform().name(name).start(() -> {
            try {
                work.run();
            } catch (final RuntimeException | Error e) {
                failure.compareAndSet(null, e);
            }
        });
    }
}
