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
import io.xgate.dataplane.crypto.CryptoProviders;
import io.xgate.dataplane.port.xdp.XdpGatewayPorts;
import io.xgate.dataplane.port.xdp.XdpPort;
import io.xgate.dataplane.port.xdp.XdpPortSpec;
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
 * A running gateway, {@code xgate run}: the counters file, the AF_XDP ports with their XDP programs, one worker
 * on its thread, the config programmed through {@link DataplaneApplier} by the state directory's config service,
 * IKE ({@link AutoKeyTunnels}), the tunnel monitors, the management API, and the control loop on the thread that
 * called {@link #runUntilStopped()}. {@link #stop()} (from the shutdown hook) ends the loop; that thread then
 * stops the worker, closes the SAs (wiping keys), detaches XDP, closes the sockets and frees the UMEM, and
 * removes nothing else: devices, addresses and the counters file stay.
 */
public final class GatewayDaemon {
    /** {@code spin} (default: the worker owns its CPU) or {@code backoff} (shared CPUs: labs, tests). */
    public static final String IDLE_PROPERTY = "xgate.worker.idle";
    /**
     * Counter slots in the counters file (default {@link #COUNTERS}); ports, tunnels and SAs take 4 + one per drop
     * reason each, so the default holds about 85 negotiated child SAs. A lab or benchmark with more sets it.
     */
    public static final String COUNTER_SLOTS_PROPERTY = "xgate.counter-slots";
    static final int COUNTERS = 4096;
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
        if (config.device().workers() != 1) {
            throw new IllegalArgumentException("device.workers: " + config.device().workers()
                    + " workers need as many receive queues per port and per-queue steering; this version runs 1");
        }
        final CryptoProviders.Selection crypto = CryptoProviders.select();
        LOG.log(Level.INFO, crypto.toString());
        final Path countersPath = Path.of(config.device().countersFile());
        final int slots = Integer.getInteger(COUNTER_SLOTS_PROPERTY, COUNTERS);
        final CountersFile countersFile = CountersFile.create(countersPath, slots);
        opened.push(countersFile);
        final CountersManager counters = countersFile.manager();
        LOG.log(Level.INFO, "counters: {0} ({1} slots)", countersPath, String.valueOf(slots));

        final RouteNetlink netlink = new RouteNetlink();
        opened.push(netlink);
        final DeviceLayout layout = new DeviceLayout(config);
        final PortMacs macs = PortMacs.read(netlink, layout.ports());
        final List<XdpPortSpec> specs = layout.portSpecs(0, new OwnAddresses(config, macs));
        final XdpGatewayPorts ports = XdpGatewayPorts.open(specs, XdpGatewayPorts.Settings.defaults(), counters);
        opened.push(ports);
        for (int i = 0; i < specs.size(); i++) {
            final XdpPort port = ports.ports().get(i);
            final EthernetInterface ethernet = layout.ports().get(i);
            LOG.log(Level.INFO, "port {0} ({1}) {2}: XDP {3}, AF_XDP {4} on queue {5}", ethernet.name(),
                    port.name(), specs.get(i).role(), ports.steering(i).attachMode(), port.bindMode(), port.queue());
        }

        final WorkerChannels channels = new WorkerChannels(0, counters);
        opened.push(channels);
        final List<Integer> cpus = config.device().cpuList();
        final int cpu = cpus.isEmpty() ? Worker.NO_PINNING : cpus.getFirst();
        final Worker worker = new Worker(0, ports.pool(), ports.contexts(), channels, cpu);
        // After the worker stopped: whatever it still holds, and what it handed back last, is wiped here.
        opened.push(() -> {
            channels.closeRetiredSas();
            worker.tables().closeAll();
            LOG.log(Level.INFO, "SAs closed, keys wiped");
        });

        final WorkerProxy proxy = channels.proxy(crypto.provider(), counters);
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

        final AtomicCounter errors = counters.newCounter("worker 0: errors", CounterTypes.WORKER,
                key -> key.putLong(0, 0));
        opened.push(errors);
        opened.push(WorkerRunner.start(worker, idleStrategy(),
                e -> LOG.log(Level.ERROR, "worker 0 failed a duty cycle", e), errors));
        LOG.log(Level.INFO, "worker 0 started ({0}, {1} idle); running {2} ports, {3} tunnel interfaces",
                cpu == Worker.NO_PINNING ? "not pinned" : "pinned to CPU " + cpu,
                System.getProperty(IDLE_PROPERTY, "spin"), specs.size(), config.interfaces().tunnel().size());

        final List<DeviceStatus.OpenedPort> openedPorts = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            openedPorts.add(new DeviceStatus.OpenedPort(layout.ports().get(i).name(), specs.get(i).device(),
                    specs.get(i).role().name(), ports.steering(i).attachMode().name(),
                    ports.ports().get(i).bindMode().name(), specs.get(i).queue()));
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
