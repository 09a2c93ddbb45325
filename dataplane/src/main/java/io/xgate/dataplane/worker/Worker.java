package io.xgate.dataplane.worker;

import io.xgate.dataplane.port.FrameBatch;
import io.xgate.dataplane.port.FramePool;
import io.xgate.dataplane.port.PacketPort;
import io.xgate.linux.sys.ThreadAffinity;
import java.util.List;
import org.agrona.concurrent.Agent;

/**
 * One data-plane worker: owns its tables and runs its ports to completion. A duty cycle applies a bounded
 * number of control-plane commands, sends the tunnel-monitor probes they asked for, takes over the packets other
 * workers handed it (their SA is one of this worker's), then for each port receives one batch, runs it through
 * the pipeline and lets the port do its ring upkeep. Run by a {@link WorkerRunner} on
 * its own thread, or stepped by a test through {@link #doWork()}.
 */
public final class Worker implements Agent {
    public static final int NO_PINNING = -1;
    /** Commands are rare; bounding them keeps a burst of route changes from stalling the packets. */
    static final int COMMANDS_PER_CYCLE = 16;
    /** Per other worker and cycle: a receive batch's worth, so handed-over packets keep up with received ones. */
    static final int HANDOFFS_PER_CYCLE = FrameBatch.CAPACITY;

    private final String roleName;
    private final int cpu;
    private final ForwardingTables tables;
    private final Pipeline pipeline;
    private final WorkerCommandAdapter commands;
    private final FrameBatch rx = new FrameBatch();

    /**
     * @param pool   the free frames of the memory every port of this worker uses (probes are built in them)
     * @param cpu    the CPU to pin the worker's thread to when it starts, or {@link #NO_PINNING}
     */
    public Worker(final FramePool pool, final List<PortContext> ports, final WorkerChannels channels, final int cpu) {
        this(pool, ports, channels, cpu, WorkerHandoffs.SOLO);
    }

    /** One of several workers, {@code handoffs.self()} being its index. */
    public Worker(final FramePool pool, final List<PortContext> ports, final WorkerChannels channels, final int cpu,
                  final WorkerHandoffs handoffs) {
        this.roleName = "xgate-worker-" + channels.workerIndex();
        this.cpu = cpu;
        this.tables = new ForwardingTables(channels.retiredSas());
        ports.forEach(tables::addPort);
        this.pipeline = new Pipeline(tables, pool, channels.puntPublisher(), channels.probeReplyPublisher(),
                handoffs);
        this.commands = channels.adapter(tables);
    }

    @Override
    public void onStart() {
        if (cpu != NO_PINNING) {
            ThreadAffinity.pinCurrentThread(cpu);
        }
    }

    @Override
    public int doWork() {
        int work = commands.poll(COMMANDS_PER_CYCLE);
        if (tables.probeRequests().size() > 0) {
            work += pipeline.sendProbes(tables.probeRequests());
        }
        work += pipeline.takeOver(HANDOFFS_PER_CYCLE);
        final PortContext[] ports = tables.ports();
        for (int i = 0; i < ports.length; i++) {
            final PortContext context = ports[i];
            if (context == null) {
                continue;
            }
            final PacketPort port = context.port();
            if (port.receive(rx) > 0) {
                work += pipeline.process(context, rx);
            }
            work += port.housekeeping();
        }
        return work;
    }

    @Override
    public String roleName() {
        return roleName;
    }

    /** The worker's tables: read them from the worker's thread only (or between {@link #doWork()} calls). */
    public ForwardingTables tables() {
        return tables;
    }

    public long commandsApplied() {
        return commands.applied();
    }
}
