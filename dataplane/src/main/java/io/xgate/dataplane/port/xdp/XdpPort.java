package io.xgate.dataplane.port.xdp;

import io.xgate.dataplane.port.FrameBatch;
import io.xgate.dataplane.port.FramePool;
import io.xgate.dataplane.port.PacketPort;
import io.xgate.linux.xdp.CompletionRing;
import io.xgate.linux.xdp.FillRing;
import io.xgate.linux.xdp.RxRing;
import io.xgate.linux.xdp.TxRing;
import io.xgate.linux.xdp.XdpBindMode;
import io.xgate.linux.xdp.XdpStatistics;
import io.xgate.linux.xdp.XskSocket;

/**
 * A port over one AF_XDP socket whose UMEM is the worker's frame memory, so frame addresses are UMEM offsets
 * everywhere. Every free frame lives in the worker's {@link FramePool}: frames dropped by the pipeline and frames
 * the kernel has finished transmitting go there, and each port lends from it to its FILL ring up to its share.
 * That way a frame received on one port and sent from another finds its way back to whichever port runs low.
 *
 * <p>Ring work per batch only: no allocation, no exceptions, no locks. The TX kick follows the kernel's
 * need_wakeup flag, which copy mode (veth) always raises, since there only {@code sendto} moves TX frames.
 */
public final class XdpPort implements PacketPort, AutoCloseable {
    private final int id;
    private final String name;
    private final long mac;
    private final XskSocket socket;
    private final RxRing rx;
    private final TxRing tx;
    private final FillRing fill;
    private final CompletionRing completion;
    private final FramePool pool;
    private final int fillShare;
    /** Frames on the FILL ring or held by the kernel for receiving: lent minus received. */
    private int lent;
    /** Frames submitted to the TX ring whose completion has not come back yet. */
    private int inFlight;

    /**
     * @param socket    bound to the device and queue; this port closes it
     * @param pool      the worker's free frames, shared by all its ports
     * @param fillShare how many frames this port keeps lent to the kernel for receiving
     */
    public XdpPort(final int id, final String name, final long mac, final XskSocket socket, final FramePool pool,
                   final int fillShare) {
        if (fillShare <= 0 || fillShare > socket.fill().size()) {
            throw new IllegalArgumentException("fill share must be in [1, FILL ring size]: " + fillShare);
        }
        this.id = id;
        this.name = name;
        this.mac = mac;
        this.socket = socket;
        this.rx = socket.rx();
        this.tx = socket.tx();
        this.fill = socket.fill();
        this.completion = socket.completion();
        this.pool = pool;
        this.fillShare = fillShare;
    }

    @Override
    public int id() {
        return id;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public long macAddress() {
        return mac;
    }

    /** The socket's fd, for the XSKMAP. */
    public int fd() {
        return socket.fd();
    }

    public int queue() {
        return socket.queueId();
    }

    public XdpBindMode bindMode() {
        return socket.mode();
    }

    /** The kernel's XDP_STATISTICS for this socket (drops for want of FILL frames or RX ring room, bad descriptors). */
    public XdpStatistics statistics() {
        return socket.statistics();
    }

    /** Addresses come as the kernel wrote them: the chunk plus XDP_PACKET_HEADROOM plus the UMEM headroom. */
    @Override
    public int receive(final FrameBatch batch) {
        final int n = rx.peek(FrameBatch.CAPACITY - batch.size());
        if (n == 0) {
            return 0;
        }
        for (int i = 0; i < n; i++) {
            batch.add(rx.address(i), rx.length(i));
        }
        rx.release(n);
        lent -= n;
        return n;
    }

    /**
     * Queues the batch's frames as they are: a start moved into the headroom by encapsulation is still inside
     * its chunk, which is all aligned mode asks. Frames the TX ring has no room for go back to the pool.
     */
    @Override
    public int transmit(final FrameBatch batch) {
        final int size = batch.size();
        final int n = tx.reserve(size);
        for (int i = 0; i < n; i++) {
            tx.setDescriptor(i, batch.address(i), batch.length(i));
        }
        if (n > 0) {
            tx.submit(n);
            inFlight += n;
            socket.kickTx();
        }
        for (int i = n; i < size; i++) {
            pool.give(batch.address(i));
        }
        return n;
    }

    @Override
    public void recycle(final long address) {
        pool.give(address);
    }

    /**
     * Reaps the COMPLETION ring into the pool, kicks again while frames wait (copy mode sends a bounded number
     * per {@code sendto}), and tops the FILL ring up to this port's share from the pool.
     */
    @Override
    public int housekeeping() {
        int work = 0;
        if (inFlight > 0) {
            final int done = completion.peek(inFlight);
            if (done > 0) {
                for (int i = 0; i < done; i++) {
                    pool.give(completion.address(i));
                }
                completion.release(done);
                inFlight -= done;
                work += done;
            }
            if (inFlight > 0) {
                socket.kickTx();
            }
        }
        return work + lend();
    }

    private int lend() {
        final int wanted = Math.min(fillShare - lent, pool.available());
        if (wanted <= 0) {
            return 0;
        }
        final int n = fill.reserve(wanted);
        for (int i = 0; i < n; i++) {
            fill.setAddress(i, pool.take());
        }
        if (n > 0) {
            fill.submit(n);
            lent += n;
            socket.wakeRx();
        }
        return n;
    }

    /** Closes the socket (which also leaves the XSKMAP); the UMEM belongs to the worker's owner. */
    @Override
    public void close() {
        socket.close();
    }
}
