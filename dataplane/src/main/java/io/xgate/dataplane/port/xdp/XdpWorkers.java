package io.xgate.dataplane.port.xdp;

import io.xgate.dataplane.crypto.CryptoProvider;
import io.xgate.dataplane.worker.HandoffMesh;
import io.xgate.dataplane.worker.Worker;
import io.xgate.dataplane.worker.WorkerChannels;
import io.xgate.dataplane.worker.WorkerHandoffs;
import io.xgate.dataplane.worker.WorkerProxy;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.IntFunction;
import org.agrona.concurrent.status.CountersManager;

/**
 * The workers of a gateway on AF_XDP, wired but not yet running: the devices' steering ({@link GatewaySteering},
 * one program per device for all queues), then per worker i its ports (a socket on queue i of every device, in a
 * UMEM of its own), its channels and its {@link Worker}, and between several workers the {@link HandoffMesh}.
 * Start each worker on a thread of its own; stop them all before {@link #close()}, which detaches the programs
 * first (the kernel takes the traffic back), then closes the sockets, frees the UMEMs and the counters.
 */
public final class XdpWorkers implements AutoCloseable {
    private final GatewaySteering steering;
    private final HandoffMesh mesh;
    private final List<XdpGatewayPorts> ports;
    private final List<WorkerChannels> channels;
    private final List<Worker> workers;

    private XdpWorkers(final GatewaySteering steering, final HandoffMesh mesh, final List<XdpGatewayPorts> ports,
                       final List<WorkerChannels> channels, final List<Worker> workers) {
        this.steering = steering;
        this.mesh = mesh;
        this.ports = List.copyOf(ports);
        this.channels = List.copyOf(channels);
        this.workers = List.copyOf(workers);
    }

    /**
     * @param specsOfQueue the ports of the worker on that queue (every device, in one order)
     * @param cpus         one CPU per worker to pin it to, or empty for none
     */
    public static XdpWorkers open(final IntFunction<List<XdpPortSpec>> specsOfQueue, final int workerCount,
                                  final List<Integer> cpus, final CountersManager counters) {
        if (!cpus.isEmpty() && cpus.size() != workerCount) {
            throw new IllegalArgumentException("one CPU per worker: " + cpus + " for " + workerCount + " workers");
        }
        final XdpGatewayPorts.Settings settings = workerCount > 1 ? XdpGatewayPorts.Settings.defaults().withHandoffs()
                : XdpGatewayPorts.Settings.defaults();
        final Deque<AutoCloseable> opened = new ArrayDeque<>();
        try {
            final GatewaySteering steering = GatewaySteering.attach(specsOfQueue.apply(0), workerCount);
            opened.push(steering);
            final HandoffMesh mesh = workerCount > 1 ? new HandoffMesh(workerCount, counters) : null;
            if (mesh != null) {
                opened.push(mesh);
            }
            final List<XdpGatewayPorts> ports = new ArrayList<>();
            final List<WorkerChannels> channels = new ArrayList<>();
            final List<Worker> workers = new ArrayList<>();
            for (int w = 0; w < workerCount; w++) {
                final XdpGatewayPorts own = XdpGatewayPorts.open(specsOfQueue.apply(w), settings, counters,
                        steering);
                opened.push(own);
                ports.add(own);
                final WorkerChannels channel = new WorkerChannels(w, counters);
                opened.push(channel);
                channels.add(channel);
                workers.add(new Worker(own.pool(), own.contexts(), channel,
                        cpus.isEmpty() ? Worker.NO_PINNING : cpus.get(w),
                        mesh == null ? WorkerHandoffs.SOLO : mesh.worker(w)));
            }
            return new XdpWorkers(steering, mesh, ports, channels, workers);
        } catch (final RuntimeException e) {
            while (!opened.isEmpty()) {
                try {
                    opened.pop().close();
                } catch (final Exception suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw e;
        }
    }

    /** The control plane's end of every worker's command ring: SAs to their owners, routes to all. */
    public WorkerProxy proxy(final CryptoProvider crypto, final CountersManager counters) {
        return WorkerChannels.proxy(channels, crypto, counters);
    }

    public List<Worker> workers() {
        return workers;
    }

    public List<WorkerChannels> channels() {
        return channels;
    }

    /** Worker {@code index}'s ports, in the order of its specs. */
    public XdpGatewayPorts ports(final int index) {
        return ports.get(index);
    }

    public GatewaySteering steering() {
        return steering;
    }

    /** Detaches the programs, then closes each worker's ports and channels, then the mesh. Stop the workers first. */
    @Override
    public void close() {
        final RuntimeException failure = new IllegalStateException("closing the workers' AF_XDP side failed");
        final Deque<AutoCloseable> all = new ArrayDeque<>();
        if (mesh != null) {
            all.push(mesh);
        }
        for (int w = 0; w < workers.size(); w++) {
            all.push(ports.get(w));
            all.push(channels.get(w));
        }
        all.push(steering);
        while (!all.isEmpty()) {
            try {
                all.pop().close();
            } catch (final Exception e) {
                failure.addSuppressed(e);
            }
        }
        if (failure.getSuppressed().length > 0) {
            throw failure;
        }
    }
}
