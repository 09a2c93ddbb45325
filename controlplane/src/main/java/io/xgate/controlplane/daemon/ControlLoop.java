package io.xgate.controlplane.daemon;

import io.xgate.controlplane.monitor.TunnelMonitors;
import io.xgate.dataplane.worker.WorkerChannels;
import io.xgate.dataplane.worker.WorkerEvents;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The daemon's control thread between start and stop: reads every worker's punted packets and probe replies,
 * closes the SAs the workers let go of, lets the tunnel monitors probe and time out (every round: rounds are at
 * most a millisecond apart, well inside the shortest probe interval), runs IKE (datagrams and timers), re-polls
 * the kernel's neighbours when the resolver says it is time, and runs what other threads handed over (commits,
 * {@code show} queries) and timers. Everything that allocates or frees counters, and everything that programs
 * routes, happens on this one thread.
 */
final class ControlLoop {
    private static final int EVENTS_PER_ROUND = 64;
    private static final long IDLE_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private final List<WorkerChannels> channels;
    private final List<WorkerEvents> events;
    private final PuntMonitor punts;
    private final NeighbourResolver neighbours;
    private final TunnelMonitors monitors;
    private final AutoKeyTunnels autoKey;
    private final ControlTasks tasks;
    private volatile boolean running = true;

    ControlLoop(final List<WorkerChannels> channels, final PuntMonitor punts, final NeighbourResolver neighbours,
                final TunnelMonitors monitors, final AutoKeyTunnels autoKey, final ControlTasks tasks) {
        this.channels = channels;
        this.events = channels.stream().map(WorkerChannels::events).toList();
        this.punts = punts;
        this.neighbours = neighbours;
        this.monitors = monitors;
        this.autoKey = autoKey;
        this.tasks = tasks;
    }

    /** Runs on the calling thread until {@link #stop()}. */
    void run() {
        long lastNeighbourPoll = System.nanoTime() - neighbours.pollDelayNanos();
        while (running) {
            int work = 0;
            for (int i = 0; i < channels.size(); i++) {
                work += events.get(i).poll(punts, monitors, EVENTS_PER_ROUND) + channels.get(i).closeRetiredSas();
            }
            work += monitors.tick() + autoKey.doWork() + tasks.runDue();
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
        tasks.close();
    }

    void stop() {
        running = false;
    }
}
