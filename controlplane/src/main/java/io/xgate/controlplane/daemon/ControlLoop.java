package io.xgate.controlplane.daemon;

import io.xgate.dataplane.worker.WorkerChannels;
import io.xgate.dataplane.worker.WorkerEvents;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The daemon's control thread between start and stop: reads punted packets, closes the SAs the worker let go
 * of, runs IKE, and re-polls the kernel's neighbours when the resolver says it is time. Everything that allocates or
 * frees counters happens on this one thread.
 */
final class ControlLoop {
    private static final int PUNTS_PER_ROUND = 64;
    private static final long IDLE_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private final WorkerChannels channels;
    private final WorkerEvents events;
    private final PuntMonitor punts;
    private final NeighbourResolver neighbours;
    private final AutoKeyTunnels autoKey;
    private volatile boolean running = true;

    ControlLoop(final WorkerChannels channels, final PuntMonitor punts, final NeighbourResolver neighbours,
                final AutoKeyTunnels autoKey) {
        this.channels = channels;
        this.events = channels.events();
        this.punts = punts;
        this.neighbours = neighbours;
        this.autoKey = autoKey;
    }

    /** Runs on the calling thread until {@link #stop()}. */
    void run() {
        long lastNeighbourPoll = System.nanoTime() - neighbours.pollDelayNanos();
        while (running) {
            int work = events.poll(punts, PUNTS_PER_ROUND) + channels.closeRetiredSas() + autoKey.doWork();
            final long now = System.nanoTime();
            // Measured from the last poll, so a punt that asks for eager polling shortens the current wait too.
            if (now - lastNeighbourPoll >= neighbours.pollDelayNanos()) {
                work += neighbours.poll();
                lastNeighbourPoll = now;
            }
            if (work == 0) {
                LockSupport.parkNanos(IDLE_NANOS);
            }
        }
    }

    void stop() {
        running = false;
    }
}
