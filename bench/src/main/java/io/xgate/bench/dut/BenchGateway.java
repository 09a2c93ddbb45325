package io.xgate.bench.dut;

import io.xgate.dataplane.crypto.CryptoProviders;
import io.xgate.dataplane.lab.TestCounters;
import io.xgate.dataplane.port.xdp.XdpWorkers;
import io.xgate.dataplane.port.xdp.XdpPortSpec;
import io.xgate.dataplane.worker.Worker;
import io.xgate.dataplane.worker.WorkerProxy;
import io.xgate.dataplane.worker.WorkerRunner;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.status.CountersManager;

/**
 * One xgate gateway inside the bench process: its AF_XDP ports (opened in the calling thread's namespace), its
 * workers ({@link XdpWorkers}, as {@code xgate run} opens them) programmed through {@link WorkerProxy} exactly as
 * {@code xgate run} programs them, and the workers' threads. The daemon's control loop (neighbour polling, punts) is left out: the bench hands the worker
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

    private final XdpWorkers xdp;
    private final List<WorkerRunner> runners;

    private BenchGateway(final XdpWorkers xdp, final List<WorkerRunner> runners) {
        this.xdp = xdp;
        this.runners = runners;
    }

    /**
     * Opens the ports of {@code workers} workers (worker i on queue i of every device) and programs them with
     * {@code program}, which posts commands; they are applied on this thread before the workers' own start, so no
     * frame meets a half-built table.
     */
    static BenchGateway start(final String name, final IntFunction<List<XdpPortSpec>> specsOfQueue,
                              final int workers, final Consumer<WorkerProxy> program) {
        final CountersManager counters = TestCounters.manager();
        final XdpWorkers xdp = XdpWorkers.open(specsOfQueue, workers, List.of(), counters);
        final List<WorkerRunner> runners = new ArrayList<>();
        try {
            final WorkerProxy proxy = xdp.proxy(CryptoProviders.select().provider(), counters);
            program.accept(proxy);
            for (int i = 0; i < workers; i++) {
                final Worker worker = xdp.workers().get(i);
                while (worker.commandsApplied() < proxy.posted(i)) {
                    worker.doWork();
                }
            }
            for (final Worker worker : xdp.workers()) {
                runners.add(WorkerRunner.start(worker, new BackoffIdleStrategy(MAX_SPINS, MAX_YIELDS, 1, MAX_PARK_NS),
                        e -> System.err.println("xgate " + worker.roleName() + " " + name + ": " + e), null));
            }
            return new BenchGateway(xdp, runners);
        } catch (final Throwable e) { // Errors too: close the sockets whatever failed
            runners.forEach(WorkerRunner::close);
            xdp.close();
            throw e;
        }
    }

    /** The workers' threads, e.g. for their allocation statistics. */
    List<Thread> workerThreads() {
        return runners.stream().map(WorkerRunner::thread).toList();
    }

    /** Stops the workers, then closes their ports (detaching the programs) and channels. */
    @Override
    public void close() {
        try {
            runners.forEach(WorkerRunner::close);
        } finally {
            xdp.close();
        }
    }

    /** Throws unless every command was posted. */
    static void requirePosted(final List<Boolean> accepted, final String what) {
        if (accepted.contains(false)) {
            throw new IllegalStateException("worker command ring full while programming " + what);
        }
    }
}
