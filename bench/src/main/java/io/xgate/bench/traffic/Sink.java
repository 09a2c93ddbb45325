package io.xgate.bench.traffic;

import io.xgate.dataplane.packet.Wire;
import io.xgate.dataplane.port.xdp.DeviceSteering;
import io.xgate.dataplane.port.xdp.PortRole;
import io.xgate.linux.sys.Libc;
import io.xgate.linux.xdp.FillRing;
import io.xgate.linux.xdp.RxRing;
import io.xgate.linux.xdp.Umem;
import io.xgate.linux.xdp.XdpStatistics;
import io.xgate.linux.xdp.XskConfig;
import io.xgate.linux.xdp.XskSocket;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Receives the probe frames on an AF_XDP socket: xgate's LAN steering program with no own addresses sends
 * every unicast IPv4/IPv6 frame of the device to it, and ARP, ND and multicast to the kernel. Counts frames per
 * stream ({@link StreamTracker}) and records every probe's one-way latency in an HdrHistogram: the clock is read
 * once per received batch, which, like the generator's per-batch stamp, bounds the error by one batch's time.
 * {@link #receive} is the hot loop: no allocation, lock, exception or logging.
 */
public final class Sink implements AutoCloseable {
    /** Latencies above this are recorded as this: a 48-bit stamp gone wrong must not throw in the loop. */
    public static final long MAX_LATENCY_NS = TimeUnit.SECONDS.toNanos(10);
    private static final int FRAMES = 4096;
    private static final int FRAME_SIZE = 2048;
    private static final int RX_RING = 2048;
    private static final int ETHERTYPE_IPV4 = 0x0800;
    private static final int ETHERTYPE_IPV6 = 0x86DD;
    private static final int PROTO_UDP = 17;
    /** IPv4 flags and fragment offset: more-fragments or a nonzero offset. */
    private static final int IPV4_FRAGMENT = 0x3FFF;
    private static final int IPV4_PAYLOAD = FrameTemplates.ETHERNET + FrameTemplates.IPV4 + FrameTemplates.UDP;
    private static final int IPV6_PAYLOAD = FrameTemplates.ETHERNET + FrameTemplates.IPV6 + FrameTemplates.UDP;
    private static final VarHandle RECEIVED;

    static {
        try {
            RECEIVED = MethodHandles.lookup().findVarHandle(Sink.class, "received", long.class);
        } catch (final ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Umem umem;
    private final XskSocket socket;
    private final DeviceSteering steering;
    private final RxRing rx;
    private final FillRing fill;
    private final StreamTracker streams;
    private final Histogram latency = new Histogram(1, MAX_LATENCY_NS, 3);
    private XdpStatistics baseline;
    /** Probe frames received this trial; written by the receiving thread, read live with getOpaque. */
    @SuppressWarnings("unused")
    private long received;
    private long other;

    private Sink(final Umem umem, final XskSocket socket, final DeviceSteering steering, final int streams) {
        this.umem = umem;
        this.socket = socket;
        this.steering = steering;
        this.rx = socket.rx();
        this.fill = socket.fill();
        this.streams = new StreamTracker(streams);
    }

    /** Opens queue 0 of {@code device} (in the calling thread's network namespace) for {@code streams} streams. */
    public static Sink open(final String device, final int streams) {
        final int ifindex = Libc.ifNameToIndex(device);
        final Umem umem = Umem.allocate(FRAMES, FRAME_SIZE, 0);
        XskSocket socket = null;
        try {
            socket = XskSocket.open(umem, ifindex, 0, new XskConfig(RX_RING, 0, FRAMES, RX_RING, true, true));
            final DeviceSteering steering = DeviceSteering.attach(ifindex, PortRole.LAN, List.of(), 1);
            steering.register(0, socket.fd());
            final Sink sink = new Sink(umem, socket, steering, streams);
            sink.lendAll();
            return sink;
        } catch (final RuntimeException e) {
            if (socket != null) {
                socket.close();
            }
            umem.close();
            throw e;
        }
    }

    private void lendAll() {
        final int n = fill.reserve(FRAMES);
        for (int i = 0; i < n; i++) {
            fill.setAddress(i, umem.frameAddress(i));
        }
        fill.submit(n);
    }

    /** Throws away what arrived since the last trial and zeroes the counts; call between trials. */
    public void prepare() {
        int stale;
        while ((stale = rx.peek(Generator.BATCH)) > 0) {
            take(stale, false, 0);
        }
        streams.reset();
        latency.reset();
        baseline = socket.statistics();
        other = 0;
        RECEIVED.setOpaque(this, 0L);
    }

    /**
     * Discards late frames until none has arrived for {@code quietNs}, or until {@code limitNs} passed: a DUT
     * that queues far more than it forwards (strongSwan's user-space ESP) goes on working through its backlog
     * after the trial, and would take the CPU from the next DUT's trial in an interleaved run.
     */
    public void awaitQuiet(final long quietNs, final long limitNs) {
        final long start = System.nanoTime();
        long lastFrame = start;
        long now;
        while ((now = System.nanoTime()) - lastFrame < quietNs && now - start < limitNs) {
            final int n = rx.peek(Generator.BATCH);
            if (n > 0) {
                take(n, false, 0);
                lastFrame = now;
            } else {
                socket.wakeRx();
                Thread.yield();
            }
        }
    }

    /** Receives until {@code stopNs} (System.nanoTime). */
    public void receive(final long stopNs) {
        while (true) {
            final int n = rx.peek(Generator.BATCH);
            // Read after the peek, so every frame taken arrived before it: latencies are never negative.
            final long now = System.nanoTime();
            if (now - stopNs >= 0) {
                return;
            }
            if (n == 0) {
                socket.wakeRx();
                Thread.yield(); // see Generator: on a small host the generator or the DUT may need this CPU
                continue;
            }
            take(n, true, now);
        }
    }

    /** Counts (or, between trials, just discards) the first {@code n} frames of the RX ring and lends them again. */
    private void take(final int n, final boolean count, final long now) {
        final int lent = fill.reserve(n); // always n: the FILL ring holds every frame of the UMEM
        final MemorySegment area = umem.area();
        int probes = 0;
        for (int i = 0; i < n; i++) {
            final long address = rx.address(i);
            if (count && onFrame(area, address, rx.length(i), now)) {
                probes++;
            }
            fill.setAddress(i, address & -FRAME_SIZE);
        }
        rx.release(n);
        fill.submit(lent);
        if (probes > 0) {
            RECEIVED.setOpaque(this, (long) RECEIVED.getOpaque(this) + probes);
        }
    }

    /** Counts one frame; true when it was a probe. */
    private boolean onFrame(final MemorySegment area, final long frame, final int length, final long now) {
        final int at = probeOffset(area, frame, length);
        if (at < 0 || !ProbePayload.hasMagic(area, frame + at)) {
            other++;
            return false;
        }
        final long payload = frame + at;
        streams.record(ProbePayload.stream(area, payload), ProbePayload.sequence(area, payload));
        latency.recordValue(Math.min(Math.max(ProbePayload.age(area, payload, now), 1), MAX_LATENCY_NS));
        return true;
    }

    /**
     * Offset of the probe payload in a UDP frame without IP options or extension headers, else -1. An IPv4
     * fragment is no probe: a DUT that fragments has not delivered the frame that was sent.
     */
    private static int probeOffset(final MemorySegment area, final long frame, final int length) {
        if (length < IPV4_PAYLOAD + ProbePayload.LENGTH) {
            return -1;
        }
        final int type = Wire.u16(area, frame + 12);
        if (type == ETHERTYPE_IPV4 && Wire.u8(area, frame + FrameTemplates.ETHERNET) == 0x45
                && Wire.u8(area, frame + FrameTemplates.ETHERNET + 9) == PROTO_UDP
                && (Wire.u16(area, frame + FrameTemplates.ETHERNET + 6) & IPV4_FRAGMENT) == 0) {
            return IPV4_PAYLOAD;
        }
        if (type == ETHERTYPE_IPV6 && length >= IPV6_PAYLOAD + ProbePayload.LENGTH
                && Wire.u8(area, frame + FrameTemplates.ETHERNET + 6) == PROTO_UDP) {
            return IPV6_PAYLOAD;
        }
        return -1;
    }

    public long received() {
        return (long) RECEIVED.getOpaque(this);
    }

    /** The trial's per-stream counts; read after {@link #receive} returned. */
    public StreamTracker streams() {
        return streams;
    }

    public Histogram latency() {
        return latency;
    }

    /** Frames that were not probes (the kernel's own ND or the like, if the DUT forwards them). */
    public long otherFrames() {
        return other;
    }

    /** Frames the kernel dropped at this socket this trial (no FILL frame, RX ring full): the sink's own loss. */
    public long kernelDrops() {
        final XdpStatistics now = socket.statistics();
        return now.rxDropped() - baseline.rxDropped() + now.rxRingFull() - baseline.rxRingFull();
    }

    @Override
    public void close() {
        try {
            steering.close();
        } finally {
            try {
                socket.close();
            } finally {
                umem.close();
            }
        }
    }
}
