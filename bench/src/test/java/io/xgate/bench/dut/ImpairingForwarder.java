package io.xgate.bench.dut;

import io.xgate.dataplane.port.xdp.DeviceSteering;
import io.xgate.dataplane.port.xdp.PortRole;
import io.xgate.linux.sys.Libc;
import io.xgate.linux.xdp.Umem;
import io.xgate.linux.xdp.XskConfig;
import io.xgate.linux.xdp.XskSocket;
import java.util.List;

/**
 * A deliberately bad forwarder between two AF_XDP sockets on one UMEM (no XDP redirect): of the frames it
 * receives it drops every {@code dropEvery}-th and holds back every {@code swapEvery}-th until the next one
 * has gone out, so the sink must report exactly {@link #dropped()} lost and {@link #swapped()} reordered.
 */
final class ImpairingForwarder implements AutoCloseable {
    private static final int FRAMES = 4096;
    private static final int FRAME_SIZE = 2048;
    private static final int NONE = -1;

    private final int dropEvery;
    private final int swapEvery;
    private final Umem umem;
    private final XskSocket in;
    private final XskSocket out;
    private final DeviceSteering steering;
    private final Thread thread;
    private volatile boolean running = true;
    private long count;
    private long dropped;
    private long swapped;

    /** Opens the sockets in the calling thread's namespace and starts forwarding on a thread of its own. */
    ImpairingForwarder(final String inDevice, final String outDevice, final int dropEvery, final int swapEvery) {
        this.dropEvery = dropEvery;
        this.swapEvery = swapEvery;
        this.umem = Umem.allocate(FRAMES, FRAME_SIZE, 0);
        final XskConfig config = new XskConfig(2048, 2048, FRAMES, 2048, true, true);
        this.in = XskSocket.open(umem, Libc.ifNameToIndex(inDevice), 0, config);
        this.out = XskSocket.openShared(in, Libc.ifNameToIndex(outDevice), 0, config);
        this.steering = DeviceSteering.attach(in.ifindex(), PortRole.LAN, List.of(), 1);
        steering.register(0, in.fd());
        final int n = in.fill().reserve(FRAMES);
        for (int i = 0; i < n; i++) {
            in.fill().setAddress(i, umem.frameAddress(i));
        }
        in.fill().submit(n);
        this.thread = Thread.ofPlatform().name("impairing-forwarder").start(this::forward);
    }

    private void forward() {
        long held = NONE;
        final long[] batch = new long[2 * 64];
        final int[] lengths = new int[2 * 64];
        int heldLength = 0;
        while (running) {
            recycleCompleted();
            final int n = in.rx().peek(64);
            if (n == 0) {
                Thread.yield();
                continue;
            }
            int sending = 0;
            for (int i = 0; i < n; i++) {
                final long address = in.rx().address(i);
                final int length = in.rx().length(i);
                count++;
                if (count % dropEvery == 0) {
                    dropped++;
                    lend(address);
                } else if (held != NONE) {
                    batch[sending] = address;
                    lengths[sending++] = length;
                    batch[sending] = held;
                    lengths[sending++] = heldLength;
                    held = NONE;
                    swapped++;
                } else if (count % swapEvery == 0) {
                    held = address;
                    heldLength = length;
                } else {
                    batch[sending] = address;
                    lengths[sending++] = length;
                }
            }
            in.rx().release(n);
            transmit(batch, lengths, sending);
        }
    }

    private void transmit(final long[] batch, final int[] lengths, final int n) {
        int done = 0;
        while (done < n && running) {
            final int granted = out.tx().reserve(n - done);
            for (int i = 0; i < granted; i++) {
                out.tx().setDescriptor(i, batch[done + i], lengths[done + i]);
            }
            out.tx().submit(granted);
            done += granted;
            out.kickTx();
            recycleCompleted();
        }
    }

    private void recycleCompleted() {
        final int done = out.completion().peek(64);
        for (int i = 0; i < done; i++) {
            lend(out.completion().address(i));
        }
        out.completion().release(done);
        if (out.tx().unconsumed() != 0) {
            out.kickTx();
        }
    }

    private void lend(final long address) {
        if (in.fill().reserve(1) == 1) {
            in.fill().setAddress(0, address & -FRAME_SIZE);
            in.fill().submit(1);
        }
    }

    /** Read after {@link #close()}. */
    long dropped() {
        return dropped;
    }

    long swapped() {
        return swapped;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join();
        steering.close();
        out.close();
        in.close();
        umem.close();
    }
}
