package io.xgate.bench.traffic;

import io.xgate.linux.sys.Libc;
import io.xgate.linux.xdp.CompletionRing;
import io.xgate.linux.xdp.TxRing;
import io.xgate.linux.xdp.Umem;
import io.xgate.linux.xdp.XskConfig;
import io.xgate.linux.xdp.XskSocket;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;

/**
 * Sends paced UDP probe frames from an AF_XDP socket (TX only). Each trial's frames are built once into the
 * UMEM ({@link FrameTemplates}) and sent round-robin; per frame only the stream's sequence number, the send
 * time and (IPv6) the UDP checksum change. Every frame of a batch carries the batch's send time, the clock
 * reading the pacing took anyway, so stamping costs no extra {@code nanoTime}.
 *
 * <p>Slots are reused in sending order once the kernel has given back as many frames as were in flight: one
 * queue completes in TX order (copy mode, and the zero-copy drivers alike). {@link #transmit} is the hot loop:
 * no allocation, lock, exception or logging.
 */
public final class Generator implements AutoCloseable {
    public static final int BATCH = 64;
    static final int FRAME_SIZE = 2048;
    private static final int RING = 2048;
    /** The most a generator that fell behind may send at once: a few batches, never a catch-up flood. */
    private static final int MIN_BURST = 4 * BATCH;
    /**
     * The backlog a descheduled generator may still send: 20 ms of traffic. A shared 2-vCPU host parks threads
     * for that long now and then; forgiving less makes the offered rate fall short of the target.
     */
    private static final double CATCH_UP_SECONDS = 0.02;
    private static final VarHandle SENT;

    static {
        try {
            SENT = MethodHandles.lookup().findVarHandle(Generator.class, "sent", long.class);
        } catch (final ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final TrafficProfile profile;
    private final Umem umem;
    private final XskSocket socket;
    private final TxRing tx;
    private final CompletionRing completion;
    private final long[] sequences;
    private FrameTemplates templates;
    private int slot;
    private int inFlight;
    /** Frames handed to the kernel this trial; written by the sending thread, read live with getOpaque. */
    @SuppressWarnings("unused")
    private long sent;

    private Generator(final TrafficProfile profile, final Umem umem, final XskSocket socket) {
        this.profile = profile;
        this.umem = umem;
        this.socket = socket;
        this.tx = socket.tx();
        this.completion = socket.completion();
        this.sequences = new long[profile.flows()];
    }

    /** Opens queue 0 of {@code device} in the calling thread's network namespace. */
    public static Generator open(final String device, final TrafficProfile profile) {
        // Enough slots for any size cycle: FrameTemplates needs less than MIN_SLOTS + flows × 12 (IMIX).
        final Umem umem = Umem.allocate(FrameTemplates.MIN_SLOTS + profile.flows() * FrameSizes.imix().cycleLength(),
                FRAME_SIZE, 0);
        try {
            final XskSocket socket = XskSocket.open(umem, Libc.ifNameToIndex(device), 0,
                    new XskConfig(0, RING, RING, RING, true, true));
            return new Generator(profile, umem, socket);
        } catch (final RuntimeException e) {
            umem.close();
            throw e;
        }
    }

    public TrafficProfile profile() {
        return profile;
    }

    /** Builds the frames for {@code sizes} and starts every stream at sequence 0; call between trials. */
    public void prepare(final FrameSizes sizes) {
        templates = FrameTemplates.build(umem.area(), FRAME_SIZE, profile, sizes);
        Arrays.fill(sequences, 0);
        slot = 0;
        SENT.setOpaque(this, 0L);
    }

    /** Frames sent so far this trial; safe to read from any thread while {@link #transmit} runs. */
    public long sent() {
        return (long) SENT.getOpaque(this);
    }

    /**
     * Sends at {@code ratePps} from {@code startNs} until {@code endNs} (System.nanoTime), then waits until
     * {@code drainNs} at the latest for the kernel to send and complete what is still queued.
     */
    public void transmit(final double ratePps, final long startNs, final long endNs, final long drainNs) {
        final FrameTemplates t = templates;
        final MemorySegment area = umem.area();
        final TokenBucket bucket = new TokenBucket(ratePps, Math.max(MIN_BURST, (long) (ratePps * CATCH_UP_SECONDS)));
        final int slots = t.slots();
        long total = 0;
        while (System.nanoTime() - startNs < 0) {
            Thread.onSpinWait();
        }
        bucket.start(startNs);
        long now;
        while ((now = System.nanoTime()) - endNs < 0) {
            reap();
            int n = bucket.due(now, Math.min(BATCH, slots - inFlight));
            if (n > 0) {
                n = tx.reserve(n);
            }
            if (n <= 0) {
                kickIfQueued();
                // Yield rather than spin: returns at once when the CPU has nothing else to run, and lets the
                // sink or the DUT have it on a small host; the pacing error stays at a few microseconds.
                Thread.yield();
                continue;
            }
            int s = slot;
            for (int i = 0; i < n; i++) {
                final long frame = (long) s * FRAME_SIZE;
                t.stamp(area, frame, s, sequences[t.stream(s)]++, now);
                tx.setDescriptor(i, frame, t.length(s));
                s = s + 1 == slots ? 0 : s + 1;
            }
            slot = s;
            tx.submit(n);
            inFlight += n;
            bucket.take(n);
            total += n;
            SENT.setOpaque(this, total);
            socket.kickTx();
        }
        while (inFlight > 0 && System.nanoTime() - drainNs < 0) {
            reap();
            kickIfQueued();
            Thread.yield();
        }
    }

    /** Takes back the frames the kernel has finished sending. */
    private void reap() {
        if (inFlight > 0) {
            final int done = completion.peek(inFlight);
            if (done > 0) {
                completion.release(done);
                inFlight -= done;
            }
        }
    }

    /** Copy mode sends a bounded number of frames per sendto, so kick again while the kernel has some left. */
    private void kickIfQueued() {
        if (tx.unconsumed() != 0) {
            socket.kickTx();
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } finally {
            umem.close();
        }
    }
}
