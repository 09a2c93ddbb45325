package io.xgate.dataplane.port.xdp;

import io.xgate.dataplane.counters.CounterTypes;
import io.xgate.dataplane.counters.TrafficCounters;
import io.xgate.dataplane.port.FrameMemory;
import io.xgate.dataplane.port.FramePool;
import io.xgate.dataplane.worker.PortContext;
import io.xgate.linux.netlink.LinkInfo;
import io.xgate.linux.netlink.RouteNetlink;
import io.xgate.linux.xdp.Umem;
import io.xgate.linux.xdp.XskConfig;
import io.xgate.linux.xdp.XskSocket;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.agrona.concurrent.status.CountersManager;

/**
 * The AF_XDP side of one worker, wired as the daemon needs it: one UMEM that is the worker's frame memory, one
 * socket per port on it (the first registers the UMEM, the others share it with FILL/COMPLETION rings of their
 * own), each socket in its device's XSKMAP at its queue ({@link GatewaySteering}, shared by the workers), the
 * FILL rings primed, and a {@link PortContext} per port for the worker. {@link #close()} detaches the programs
 * first when it attached them itself, so the kernel takes the traffic back before the sockets go (closing a
 * socket also takes it out of the XSKMAP), then frees the UMEM.
 */
public final class XdpGatewayPorts implements AutoCloseable {
    /** XDP_PACKET_HEADROOM: the kernel puts every received packet this far into its chunk, on top of the UMEM headroom. */
    public static final int XDP_PACKET_HEADROOM = 256;
    /**
     * Frames no port lends for receiving. The FILL rings take back every frame as soon as it is free, so without
     * these the packets the worker builds itself (tunnel-monitor probes) find the pool empty: with three ports the
     * shares left one frame, and only the first probe of each duty cycle went out.
     */
    static final int OWN_FRAMES = 64;
    /**
     * Frames one of several workers also keeps out of the FILL rings, for the packets the others hand it: they
     * arrive in bursts of a receive batch per ring and duty cycle and each needs a frame here until its TX
     * completes. With only {@link #OWN_FRAMES}, a worker that receives nothing itself (its FILL rings full) dropped
     * a fifth of 10 kpps handed over to it as no-buffer.
     */
    static final int HANDOFF_FRAMES = 1024;

    /**
     * @param frameCount frames in the UMEM, shared by the ports; each port lends up to an equal share of all but
     *                   {@code ownFrames} for receiving
     * @param frameSize  2048 or 4096 (aligned chunks)
     * @param headroom   extra room in front of received packets for outer headers (beyond XDP_PACKET_HEADROOM)
     * @param ownFrames  frames never lent for receiving: for probes, and packets other workers hand over
     */
    public record Settings(int frameCount, int frameSize, int headroom, XskConfig socket, int ownFrames) {
        public Settings(final int frameCount, final int frameSize, final int headroom, final XskConfig socket) {
            this(frameCount, frameSize, headroom, socket, OWN_FRAMES);
        }

        public static Settings defaults() {
            return new Settings(4096, 4096, 0, XskConfig.defaults());
        }

        /** The same for one of several workers: {@link #HANDOFF_FRAMES} more kept for packets handed over. */
        public Settings withHandoffs() {
            return new Settings(frameCount, frameSize, headroom, socket, ownFrames + HANDOFF_FRAMES);
        }
    }

    private final Umem umem;
    private final FramePool pool;
    private final List<XdpPort> ports;
    private final GatewaySteering steering;
    /** The steering when this worker attached it itself ({@link #open(List, Settings, CountersManager)}), else null. */
    private final GatewaySteering ownSteering;
    private final List<PortContext> contexts;
    private boolean closed;

    private XdpGatewayPorts(final Umem umem, final FramePool pool, final List<XdpPort> ports,
                            final GatewaySteering steering, final GatewaySteering ownSteering,
                            final List<PortContext> contexts) {
        this.umem = umem;
        this.pool = pool;
        this.ports = List.copyOf(ports);
        this.steering = steering;
        this.ownSteering = ownSteering;
        this.contexts = List.copyOf(contexts);
    }

    /**
     * The ports of a lone worker, attaching the devices' programs itself (for as many queues as the specs
     * need); on any failure, everything opened so far is closed again.
     */
    public static XdpGatewayPorts open(final List<XdpPortSpec> specs, final Settings settings,
                                       final CountersManager counters) {
        final GatewaySteering steering = GatewaySteering.attach(specs,
                specs.stream().mapToInt(XdpPortSpec::queue).max().orElse(0) + 1);
        try {
            return open(specs, settings, counters, steering, steering);
        } catch (final RuntimeException e) {
            steering.close();
            throw e;
        }
    }

    /**
     * The ports of one of several workers, registered in {@code steering} (attached for the specs' devices, in
     * the same order), which stays open when these close; on any failure, everything opened here is closed again.
     */
    public static XdpGatewayPorts open(final List<XdpPortSpec> specs, final Settings settings,
                                       final CountersManager counters, final GatewaySteering steering) {
        return open(specs, settings, counters, steering, null);
    }

    private static XdpGatewayPorts open(final List<XdpPortSpec> specs, final Settings settings,
                                        final CountersManager counters, final GatewaySteering steering,
                                        final GatewaySteering ownSteering) {
        if (specs.isEmpty()) {
            throw new IllegalArgumentException("a worker needs at least one port");
        }
        final Deque<AutoCloseable> opened = new ArrayDeque<>();
        try (RouteNetlink netlink = new RouteNetlink()) {
            final Umem umem = Umem.allocate(settings.frameCount(), settings.frameSize(), settings.headroom());
            opened.push(umem);
            final FrameMemory memory = new FrameMemory(umem.area(), umem.frameSize(), umem.frameCount(),
                    XDP_PACKET_HEADROOM + umem.headroom());
            final FramePool pool = new FramePool(memory);
            // The own frames stay in the pool for packets the worker builds or takes over: never lent for receiving.
            final int fillShare = fillShare(settings, specs.size());
            final List<XdpPort> ports = new ArrayList<>();
            final List<PortContext> contexts = new ArrayList<>();
            XskSocket first = null;
            for (int i = 0; i < specs.size(); i++) {
                final XdpPortSpec spec = specs.get(i);
                final LinkInfo link = netlink.link(spec.device());
                final XskSocket socket = first == null
                        ? XskSocket.open(umem, link.index(), spec.queue(), settings.socket())
                        : XskSocket.openShared(first, link.index(), spec.queue(), settings.socket());
                opened.push(socket);
                first = first == null ? socket : first;
                final XdpPort port = new XdpPort(spec.id(), spec.device(), link.mac().value(), socket, pool, fillShare);
                port.housekeeping(); // lends the port's share, so it can receive as soon as the program steers
                steering.device(i).register(spec.queue(), port.fd());
                final TrafficCounters portCounters = new TrafficCounters(counters, CounterTypes.PORT_TRAFFIC,
                        CounterTypes.PORT_DROP, counterGroup(spec.device(), spec.queue(), steering.queues()),
                        spec.id());
                opened.push(portCounters);
                ports.add(port);
                contexts.add(new PortContext(port, spec.virtualRouter(), portCounters));
            }
            return new XdpGatewayPorts(umem, pool, ports, steering, ownSteering, contexts);
        } catch (final RuntimeException e) {
            closeAll(opened, e);
            throw e;
        }
    }

    public FramePool pool() {
        return pool;
    }

    public List<XdpPort> ports() {
        return ports;
    }

    /** The worker's view of the ports, in the order of the specs. */
    public List<PortContext> contexts() {
        return contexts;
    }

    /** The steering of the device of port {@code index} (in spec order). */
    public DeviceSteering steering(final int index) {
        return steering.device(index);
    }

    /**
     * The group of a port's counters: {@code port DEVICE}, or {@code port DEVICE queue Q} when the device has
     * several workers' queues (each worker counts its own queue; readers sum them for the device).
     */
    public static String counterGroup(final String device, final int queue, final int queues) {
        return queues == 1 ? "port " + device : "port " + device + " queue " + queue;
    }

    /** Detaches the programs, closes the sockets, frees the counters and the UMEM. Stop the worker first. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        final Deque<AutoCloseable> all = new ArrayDeque<>();
        all.push(umem);
        ports.forEach(all::push);
        contexts.forEach(c -> all.push(c.counters()));
        if (ownSteering != null) {
            all.push(ownSteering);
        }
        final RuntimeException failure = new IllegalStateException("closing the AF_XDP ports failed");
        closeAll(all, failure);
        if (failure.getSuppressed().length > 0) {
            throw failure;
        }
    }

    /** Closes in stack order (last opened first), collecting failures on {@code primary}. */
    private static void closeAll(final Deque<AutoCloseable> opened, final RuntimeException primary) {
        while (!opened.isEmpty()) {
            try {
                opened.pop().close();
            } catch (final Exception e) {
                primary.addSuppressed(e);
            }
        }
    }

    /**
     * Each port's FILL share: an equal part of all frames but the worker's own, at most the FILL ring. Without
     * the reserve the shares take every frame (4096 / 3 ports = 1365 each leaves one), so only the first probe of a
     * duty cycle finds a frame and a second monitored tunnel's probes go out rarely or never.
     */
    static int fillShare(final Settings settings, final int ports) {
        final int lendable = settings.frameCount() - settings.ownFrames();
        if (lendable < ports) {
            throw new IllegalArgumentException("a UMEM of " + settings.frameCount() + " frames keeps "
                    + settings.ownFrames() + " for the worker and has too few left for " + ports + " ports");
        }
        return Math.min(settings.socket().fillSize(), lendable / ports);
    }
}
