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
 * own), each device's steering program attached with the socket in its XSKMAP, the FILL rings primed, and a
 * {@link PortContext} per port for the worker. {@link #close()} detaches the programs first, so the kernel takes
 * the traffic back before the sockets go, then frees the UMEM.
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
     * @param frameCount frames in the UMEM, shared by the ports; each port lends up to an equal share of all but
     *                   {@link #OWN_FRAMES} for receiving
     * @param frameSize  2048 or 4096 (aligned chunks)
     * @param headroom   extra room in front of received packets for outer headers (beyond XDP_PACKET_HEADROOM)
     */
    public record Settings(int frameCount, int frameSize, int headroom, XskConfig socket) {
        public static Settings defaults() {
            return new Settings(4096, 4096, 0, XskConfig.defaults());
        }
    }

    private final Umem umem;
    private final FramePool pool;
    private final List<XdpPort> ports;
    private final List<DeviceSteering> steering;
    private final List<PortContext> contexts;
    private boolean closed;

    private XdpGatewayPorts(final Umem umem, final FramePool pool, final List<XdpPort> ports,
                            final List<DeviceSteering> steering, final List<PortContext> contexts) {
        this.umem = umem;
        this.pool = pool;
        this.ports = List.copyOf(ports);
        this.steering = List.copyOf(steering);
        this.contexts = List.copyOf(contexts);
    }

    /** Opens the ports in order; on any failure, everything opened so far is closed again. */
    public static XdpGatewayPorts open(final List<XdpPortSpec> specs, final Settings settings,
                                       final CountersManager counters) {
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
            // OWN_FRAMES stay in the pool for the packets the worker builds itself (probes): never lent for receiving.
            final int fillShare = fillShare(settings, specs.size());
            final List<XdpPort> ports = new ArrayList<>();
            final List<DeviceSteering> steering = new ArrayList<>();
            final List<PortContext> contexts = new ArrayList<>();
            XskSocket first = null;
            for (final XdpPortSpec spec : specs) {
                final LinkInfo link = netlink.link(spec.device());
                final XskSocket socket = first == null
                        ? XskSocket.open(umem, link.index(), spec.queue(), settings.socket())
                        : XskSocket.openShared(first, link.index(), spec.queue(), settings.socket());
                opened.push(socket);
                first = first == null ? socket : first;
                final XdpPort port = new XdpPort(spec.id(), spec.device(), link.mac().value(), socket, pool, fillShare);
                port.housekeeping(); // lends the port's share, so it can receive as soon as the program steers
                final DeviceSteering device = DeviceSteering.attach(link.index(), spec.role(), spec.ownAddresses(),
                        spec.queue() + 1);
                opened.push(device);
                device.register(spec.queue(), port.fd());
                final TrafficCounters portCounters = new TrafficCounters(counters, CounterTypes.PORT_TRAFFIC,
                        CounterTypes.PORT_DROP, "port " + spec.device(), spec.id());
                opened.push(portCounters);
                ports.add(port);
                steering.add(device);
                contexts.add(new PortContext(port, spec.virtualRouter(), portCounters));
            }
            return new XdpGatewayPorts(umem, pool, ports, steering, contexts);
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
        return steering.get(index);
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
        steering.forEach(all::push);
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
     * Each port's FILL share: an equal part of all frames but {@link #OWN_FRAMES}, at most the FILL ring. Without
     * the reserve the shares take every frame (4096 / 3 ports = 1365 each leaves one), so only the first probe of a
     * duty cycle finds a frame and a second monitored tunnel's probes go out rarely or never.
     */
    static int fillShare(final Settings settings, final int ports) {
        final int lendable = settings.frameCount() - OWN_FRAMES;
        if (lendable < ports) {
            throw new IllegalArgumentException("a UMEM of " + settings.frameCount() + " frames keeps " + OWN_FRAMES
                    + " for the worker and has too few left for " + ports + " ports");
        }
        return Math.min(settings.socket().fillSize(), lendable / ports);
    }
}
