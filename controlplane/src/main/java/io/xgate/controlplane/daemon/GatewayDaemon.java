package io.xgate.controlplane.daemon;

import io.xgate.controlplane.api.EventBus;
import io.xgate.controlplane.commit.ConfigService;
import io.xgate.controlplane.config.DeviceConfig;
import io.xgate.dataplane.counters.CounterSnapshot;
import io.xgate.controlplane.config.EthernetInterface;
import io.xgate.controlplane.ike.trace.IkeTracing;
import io.xgate.controlplane.monitor.MonitorClock;
import io.xgate.controlplane.monitor.TunnelMonitors;
import io.xgate.dataplane.counters.CounterTypes;
import io.xgate.dataplane.counters.CountersFile;
import io.xgate.dataplane.counters.DropReason;
import io.xgate.controlplane.ike.crypto.KeyExchangeLibrary;
import io.xgate.dataplane.crypto.CryptoProviders;
import io.xgate.dataplane.port.xdp.XdpGatewayPorts;
import io.xgate.dataplane.port.xdp.XdpPort;
import io.xgate.dataplane.port.xdp.XdpWorkers;
import io.xgate.dataplane.worker.Worker;
import io.xgate.dataplane.worker.WorkerChannels;
import io.xgate.dataplane.worker.WorkerProxy;
import io.xgate.dataplane.worker.WorkerRunner;
import io.xgate.linux.netlink.RouteNetlink;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.BusySpinIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.status.AtomicCounter;
import org.agrona.concurrent.status.CountersManager;

/**
 * A running gateway, {@code xgate run}: the counters file, the XDP programs (one per device), {@code
 * device.workers} workers each on its thread with its AF_XDP sockets on its own queue of every port (worker i on
 * queue i), joined by handoff rings when there are several, the config programmed through
 * {@link DataplaneApplier} by the state directory's config service, IKE ({@link AutoKeyTunnels}), the tunnel
 * monitors, the management API, and the control loop on the thread that called {@link #runUntilStopped()}.
 * {@link #stop()} (from the shutdown hook) ends the loop; that thread then stops the workers, closes the SAs
 * (wiping keys), detaches XDP, closes the sockets and frees the UMEM, and removes nothing else: devices,
 * addresses and the counters file stay.
 */
public final class GatewayDaemon {
    /** {@code spin} (default: the worker owns its CPU) or {@code backoff} (shared CPUs: labs, tests). */
    public static final String IDLE_PROPERTY = "xgate.worker.idle";
    private static final System.Logger LOG = System.getLogger(GatewayDaemon.class.getName());
    private static final long STOP_TIMEOUT_SECONDS = 10;

    private final Deque<AutoCloseable> opened = new ArrayDeque<>();
    private final CountDownLatch closed = new CountDownLatch(1);
    private ControlLoop loop;
    private PuntMonitor punts;

    private GatewayDaemon() {
    }

    /**
     * Opens and programs everything, {@code config} being {@code startup}'s loaded; on failure, closes what was
     * opened and rethrows.
     */
    public static GatewayDaemon start(final DeviceConfig config, final StartupConfig startup) throws IOException {
        final GatewayDaemon daemon = new GatewayDaemon();
        try {
            daemon.open(config, startup);
            return daemon;
        } catch (IOException | RuntimeException e) {
            daemon.closeOpened();
            throw e;
        }
    }

    private void open(final DeviceConfig config, final StartupConfig startup) throws IOException {
        final int workerCount = config.device().workers();
        final DeviceLayout layout = new DeviceLayout(config);
        if (workerCount > 1) {
            new DeviceQueues().requireAtLeast(layout.ports().stream().map(EthernetInterface::device).toList(),
                    workerCount);
        }
        final CryptoProviders.Selection crypto = CryptoProviders.select();
        LOG.log(Level.INFO, crypto.toString());
        LOG.log(Level.INFO, KeyExchangeLibrary.active().toString());
        final Path countersPath = Path.of(config.device().countersFile());
        // Ports, tunnels and each direction of an SA take 4 + one per drop reason; full, a commit or child SA is refused.
        final int slots = config.device().counterSlots();
        final CountersFile countersFile = CountersFile.create(countersPath, slots);
        opened.push(countersFile);
        final CountersManager counters = countersFile.manager();
        LOG.log(Level.INFO, "counters: {0} ({1} slots)", countersPath, String.valueOf(slots));

        final RouteNetlink netlink = new RouteNetlink();
        opened.push(netlink);
        final PortMacs macs = PortMacs.read(netlink, layout.ports());
        final OwnAddresses own = new OwnAddresses(config, macs);
        final List<Integer> cpus = config.device().cpuList();
        final XdpWorkers xdp = XdpWorkers.open(queue -> layout.portSpecs(queue, own), workerCount, cpus, counters);
        opened.push(xdp);
        final List<WorkerChannels> channels = xdp.channels();
        final List<Worker> workers = xdp.workers();
        final List<DeviceStatus.OpenedPort> openedPorts = new ArrayList<>();
        for (int i = 0; i < layout.ports().size(); i++) {
            final EthernetInterface ethernet = layout.ports().get(i);
            final String mode = xdp.steering().device(i).attachMode().name();
            for (int w = 0; w < workerCount; w++) {
                final XdpPort port = xdp.ports(w).ports().get(i);
                final String role = layout.role(ethernet).name();
                LOG.log(Level.INFO, "port {0} ({1}) {2}: XDP {3}, AF_XDP {4} on queue {5}", ethernet.name(),
                        port.name(), role, mode, port.bindMode(), port.queue());
                openedPorts.add(new DeviceStatus.OpenedPort(ethernet.name(), port.name(), role, mode,
                        port.bindMode().name(), port.queue(),
                        XdpGatewayPorts.counterGroup(port.name(), port.queue(), workerCount)));
            }
        }
        // After the workers stopped: whatever they still hold, and what they handed back last, is wiped here.
        opened.push(() -> {
            channels.forEach(WorkerChannels::closeRetiredSas);
            workers.forEach(w -> w.tables().closeAll());
            LOG.log(Level.INFO, "SAs closed, keys wiped");
        });

        final WorkerProxy proxy = xdp.proxy(crypto.provider(), counters);
        final NeighbourResolver neighbours = new NeighbourResolver(netlink, proxy,
                layout.ports().stream().map(EthernetInterface::device).toList());
        final ControlTasks tasks = new ControlTasks();
        final RouteProgrammer routes = new RouteProgrammer(proxy, neighbours);
        final TunnelRoutes tunnelRoutes = new TunnelRoutes(routes);
        final EventBus events = new EventBus();
        final IkeTracing tracing = new IkeTracing(new IkeTraceSink(events));
        final AutoKeyTunnels autoKey = new AutoKeyTunnels(config, proxy, neighbours, InstantSource.system(), tracing);
        opened.push(autoKey);
        final ManualKeyRekeys manualKeys = new ManualKeyRekeys();
        // wait-recover asks whoever keys the tunnel: IKE renegotiates, manual keys stay.
        final TunnelMonitors monitors = new TunnelMonitors(proxy::sendProbe, tunnelRoutes,
                (tunnel, reason) -> (autoKey.negotiates(tunnel) ? autoKey : manualKeys).requestRekey(tunnel, reason),
                MonitorClock.SYSTEM);
        final DataplaneApplier applier = new DataplaneApplier(proxy, neighbours, tasks, config, InstantSource.system(),
                routes, autoKey, new MonitorCommits(monitors, tunnelRoutes), macs);
        final ConfigService configService = ManagementWiring.openConfig(startup, applier, tasks);
        punts = new PuntMonitor(neighbours);
        loop = new ControlLoop(channels, punts, neighbours, monitors, autoKey, tasks);

        for (int w = 0; w < workerCount; w++) {
            final int index = w;
            final AtomicCounter errors = counters.newCounter("worker " + w + ": errors", CounterTypes.WORKER,
                    key -> key.putLong(0, index));
            opened.push(errors);
            opened.push(WorkerRunner.start(workers.get(w), idleStrategy(),
                    e -> LOG.log(Level.ERROR, "worker " + index + " failed a duty cycle", e), errors));
            final int cpu = cpus.isEmpty() ? Worker.NO_PINNING : cpus.get(w);
            LOG.log(Level.INFO, "worker {0} started ({1}, {2} idle); running {3} ports, {4} tunnel interfaces",
                    String.valueOf(w), cpu == Worker.NO_PINNING ? "not pinned" : "pinned to CPU " + cpu,
                    System.getProperty(IDLE_PROPERTY, "spin"), layout.ports().size(),
                    config.interfaces().tunnel().size());
        }

        final Supplier<List<CounterSnapshot.Counter>> snapshot = () -> CounterSnapshot.read(countersFile.reader());
        final VpnStatus vpn = new VpnStatus(applier::running, applier.tunnels(), autoKey, neighbours, snapshot,
                InstantSource.system(), monitors);
        // Pushed last, so closed first: no command reaches a stopping gateway.
        opened.push(ManagementWiring.serve(config, configService, tasks, applier, autoKey, vpn,
                new DeviceStatus(applier::running, openedPorts, routes, neighbours, vpn, snapshot, macs),
                monitors, events, tracing));
    }

    private static IdleStrategy idleStrategy() {
        return switch (System.getProperty(IDLE_PROPERTY, "spin")) {
            case "spin" -> new BusySpinIdleStrategy();
            case "backoff" -> new BackoffIdleStrategy();
            default -> throw new IllegalArgumentException("-D" + IDLE_PROPERTY + " must be spin or backoff");
        };
    }

    /** The control loop on the calling thread until {@link #stop()}; then shuts everything down on it. */
    public void runUntilStopped() {
        try {
            loop.run();
        } finally {
            final StringBuilder summary = new StringBuilder();
            for (final DropReason reason : DropReason.values()) {
                if (punts.count(reason) > 0) {
                    summary.append(' ').append(reason.label()).append('=').append(punts.count(reason));
                }
            }
            LOG.log(Level.INFO, "stopping; punts seen:{0}", summary.isEmpty() ? " none" : summary);
            closeOpened();
            LOG.log(Level.INFO, "stopped: worker joined, XDP detached, sockets closed, UMEM freed");
            closed.countDown();
        }
    }

    /** Ends {@link #runUntilStopped()} and waits (bounded) until it has shut down. For the shutdown hook. */
    public void stop() {
        loop.stop();
        try {
            if (!closed.await(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                LOG.log(Level.ERROR, "shutdown did not finish in {0} s", String.valueOf(STOP_TIMEOUT_SECONDS));
            }
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Closes in reverse order of opening, logging (never throwing) what fails, so the rest still closes. */
    private void closeOpened() {
        while (!opened.isEmpty()) {
            try {
                opened.pop().close();
            } catch (final Exception e) {
                LOG.log(Level.ERROR, "shutdown step failed", e);
            }
        }
    }
}
