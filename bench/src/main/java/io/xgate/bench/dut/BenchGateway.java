package io.xgate.bench.dut;

import io.xgate.dataplane.crypto.CryptoProviders;
import io.xgate.dataplane.lab.TestCounters;
import io.xgate.dataplane.port.xdp.XdpGatewayPorts;
import io.xgate.dataplane.port.xdp.XdpPortSpec;
import io.xgate.dataplane.worker.Worker;
import io.xgate.dataplane.worker.WorkerChannels;
import io.xgate.dataplane.worker.WorkerProxy;
import io.xgate.dataplane.worker.WorkerRunner;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.ToIntFunction;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.status.CountersManager;

/**
 * One xgate gateway inside the bench process: its AF_XDP ports (opened in the calling thread's namespace), one
 * worker programmed through {@link WorkerProxy} exactly as {@code xgate run} programs its worker, and the
 * worker's thread. The daemon's control loop (neighbour polling, punts) is left out: the bench hands the worker
 * every neighbour up front, so nothing else runs beside generator, sink and workers.
 */
final class BenchGateway implements AutoCloseable {
    /**
     * Spins and yields while traffic flows (a trial keeps it in that phase), parks up to 1 ms after about a
     * thousand idle yields: several DUTs stay open during an interleaved run, and idle workers must not take the
     * CPU from the one being measured.
     */
    private static final long MAX_SPINS = 100;
    private static final long MAX_YIELDS = 1000;
    private static final long MAX_PARK_NS = TimeUnit.MILLISECONDS.toNanos(1);

    private final XdpGatewayPorts ports;
    private final WorkerChannels channels;
    private final WorkerRunner runner;

    private BenchGateway(final XdpGatewayPorts ports, final WorkerChannels channels, final WorkerRunner runner) {
        this.ports = ports;
        this.channels = channels;
        this.runner = runner;
    }

    /**
     * Opens the ports and programs the worker with {@code program}, which posts commands and returns how many;
     * they are applied on this thread before the worker's own starts, so no frame meets a half-built table.
     */
    static BenchGateway start(final String name, final List<XdpPortSpec> specs,
                              final ToIntFunction<WorkerProxy> program) {
        final CountersManager counters = TestCounters.manager();
        final XdpGatewayPorts ports = XdpGatewayPorts.open(specs, XdpGatewayPorts.Settings.defaults(), counters);
        WorkerChannels channels = null;
        try {
            channels = new WorkerChannels(0, counters);
            final Worker worker = new Worker(ports.pool(), ports.contexts(), channels, Worker.NO_PINNING);
            final int commands = program.applyAsInt(channels.proxy(CryptoProviders.select().provider(), counters));
            while (worker.commandsApplied() < commands) {
                worker.doWork();
            }
            final WorkerRunner runner = WorkerRunner.start(worker,
                    new BackoffIdleStrategy(MAX_SPINS, MAX_YIELDS, 1, MAX_PARK_NS),
                    e -> System.err.println("xgate worker " + name + ": " + e), null);
            return new BenchGateway(ports, channels, runner);
        } catch (final Throwable e) { // Errors too: close the sockets whatever failed
            ports.close();
            if (channels != null) {
                channels.close();
            }
            throw e;
        }
    }

    /** The worker's thread, e.g. for its allocation statistics. */
    Thread workerThread() {
        return runner.thread();
    }

    /** Stops the worker, then closes its ports (detaching their programs) and channels. */
    @Override
    public void close() {
        try {
            runner.close();
        } finally {
            try {
                ports.close();
            } finally {
                channels.close();
            }
        }
    }

    /** Throws unless every command was posted. */
    static int posted(final List<Boolean> accepted, final String what) {
        if (accepted.contains(false)) {
            throw new IllegalStateException("worker command ring full while programming " + what);
        }
        return accepted.size();
    }
}
