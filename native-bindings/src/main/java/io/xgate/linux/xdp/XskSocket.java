package io.xgate.linux.xdp;

import static io.xgate.linux.xdp.XdpSocketOptions.SOL_XDP;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import io.xgate.linux.sys.Errno;
import io.xgate.linux.sys.LinuxException;
import io.xgate.linux.sys.Libc;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;

/**
 * An AF_XDP socket bound to one queue of one device, with its four rings mapped into the process.
 * The first socket on a {@link Umem} registers it; {@link #openShared} binds more sockets (other ports or
 * queues) to the same UMEM, each with its own FILL and COMPLETION rings as the kernel requires when the
 * device or queue differs, so a frame received on one port can be sent from another without a copy.
 */
public final class XskSocket implements AutoCloseable {
    // struct sockaddr_xdp { u16 family; u16 flags; u32 ifindex; u32 queue_id; u32 shared_umem_fd; }
    private static final int SOCKADDR_XDP_SIZE = 16;
    // struct xdp_mmap_offsets: rx, tx, fr, cr, each { u64 producer, consumer, desc, flags }.
    private static final int MMAP_OFFSETS_SIZE = 128;
    private static final int RING_OFFSETS_SIZE = 32;

    private final int fd;
    private final Umem umem;
    private final int ifindex;
    private final int queueId;
    private final XdpBindMode mode;
    private final boolean needWakeup;
    private final RxRing rx;
    private final TxRing tx;
    private final FillRing fill;
    private final CompletionRing completion;
    private final List<XskRing> mappedRings;
    private final MemorySegment callState = Libc.allocateCallState();
    private boolean closed;

    private XskSocket(int fd, Umem umem, int ifindex, int queueId, XdpBindMode mode, boolean needWakeup,
                      Rings rings) {
        this.fd = fd;
        this.umem = umem;
        this.ifindex = ifindex;
        this.queueId = queueId;
        this.mode = mode;
        this.needWakeup = needWakeup;
        this.rx = rings.rx;
        this.tx = rings.tx;
        this.fill = rings.fill;
        this.completion = rings.completion;
        this.mappedRings = List.copyOf(rings.owned);
    }

    /** Opens a socket that registers {@code umem}, trying zero-copy first when the config asks for it. */
    public static XskSocket open(Umem umem, int ifindex, int queueId, XskConfig config) {
        return open(umem, ifindex, queueId, config, null);
    }

    /**
     * Opens a socket on another device or queue that shares {@code owner}'s UMEM. The bind mode and
     * need-wakeup setting are the owner's: the kernel refuses bind flags on a shared socket.
     */
    public static XskSocket openShared(XskSocket owner, int ifindex, int queueId, XskConfig config) {
        return open(owner.umem, ifindex, queueId, config, owner);
    }

    private static XskSocket open(Umem umem, int ifindex, int queueId, XskConfig config, XskSocket owner) {
        int fd = Libc.socket(Libc.AF_XDP, Libc.SOCK_RAW | Libc.SOCK_CLOEXEC, 0);
        Rings rings = new Rings();
        try {
            if (owner == null) {
                umem.registerOn(fd);
            }
            boolean ownFillAndCompletion = owner == null || owner.ifindex != ifindex || owner.queueId != queueId;
            if (ownFillAndCompletion) {
                Libc.setsockoptInt(fd, SOL_XDP, XdpSocketOptions.XDP_UMEM_FILL_RING, config.fillSize());
                Libc.setsockoptInt(fd, SOL_XDP, XdpSocketOptions.XDP_UMEM_COMPLETION_RING, config.completionSize());
            }
            if (config.rxSize() > 0) {
                Libc.setsockoptInt(fd, SOL_XDP, XdpSocketOptions.XDP_RX_RING, config.rxSize());
            }
            if (config.txSize() > 0) {
                Libc.setsockoptInt(fd, SOL_XDP, XdpSocketOptions.XDP_TX_RING, config.txSize());
            }
            rings.map(fd, config, ownFillAndCompletion);
            XdpBindMode mode;
            boolean needWakeup;
            if (owner == null) {
                bindPreferringZeroCopy(fd, ifindex, queueId, config);
                needWakeup = config.needWakeup();
            } else {
                bind(fd, ifindex, queueId, XdpSocketOptions.XDP_SHARED_UMEM, owner.fd);
                needWakeup = owner.needWakeup;
                if (!ownFillAndCompletion) {
                    rings.fill = owner.fill;
                    rings.completion = owner.completion;
                }
            }
            mode = readMode(fd);
            return new XskSocket(fd, umem, ifindex, queueId, mode, needWakeup, rings);
        } catch (RuntimeException e) {
            rings.unmapOwned(e);
            closeQuietly(fd, e);
            throw e;
        }
    }

    private static void bindPreferringZeroCopy(int fd, int ifindex, int queueId, XskConfig config) {
        short wakeup = config.needWakeup() ? XdpSocketOptions.XDP_USE_NEED_WAKEUP : 0;
        if (config.tryZeroCopy()) {
            try {
                bind(fd, ifindex, queueId, (short) (XdpSocketOptions.XDP_ZEROCOPY | wakeup), 0);
                return;
            } catch (LinuxException e) {
                // EOPNOTSUPP: the driver has no zero-copy (veth). EINVAL: some drivers say so instead;
                // a genuinely bad queue id fails the copy-mode bind too and is reported from there.
                if (!e.is(Errno.EOPNOTSUPP) && !e.is(Errno.EINVAL)) {
                    throw e;
                }
            }
        }
        bind(fd, ifindex, queueId, (short) (XdpSocketOptions.XDP_COPY | wakeup), 0);
    }

    private static void bind(int fd, int ifindex, int queueId, short flags, int sharedUmemFd) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment address = arena.allocate(SOCKADDR_XDP_SIZE, 4);
            address.set(JAVA_SHORT, 0, (short) Libc.AF_XDP);
            address.set(JAVA_SHORT, 2, flags);
            address.set(JAVA_INT, 4, ifindex);
            address.set(JAVA_INT, 8, queueId);
            address.set(JAVA_INT, 12, sharedUmemFd);
            try {
                Libc.bind(fd, address);
            } catch (LinuxException e) {
                throw new LinuxException("bind(AF_XDP ifindex " + ifindex + " queue " + queueId + " flags 0x"
                        + Integer.toHexString(flags) + ")", e.errno());
            }
        }
    }

    private static XdpBindMode readMode(int fd) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment options = arena.allocate(JAVA_INT);
            Libc.getsockopt(fd, SOL_XDP, XdpSocketOptions.XDP_OPTIONS, options);
            boolean zeroCopy = (options.get(JAVA_INT, 0) & XdpSocketOptions.XDP_OPTIONS_ZEROCOPY) != 0;
            return zeroCopy ? XdpBindMode.ZEROCOPY : XdpBindMode.COPY;
        }
    }

    public int fd() {
        return fd;
    }

    public Umem umem() {
        return umem;
    }

    public int ifindex() {
        return ifindex;
    }

    public int queueId() {
        return queueId;
    }

    public XdpBindMode mode() {
        return mode;
    }

    public RxRing rx() {
        return rx;
    }

    public TxRing tx() {
        return tx;
    }

    public FillRing fill() {
        return fill;
    }

    public CompletionRing completion() {
        return completion;
    }

    /**
     * Tells the kernel to process the TX ring, unless it said it does not need telling. Busy, full or
     * not-yet-ready answers are normal and ignored; anything else is a real fault and throws.
     */
    public void kickTx() {
        if (needWakeup && !tx.needsWakeup()) {
            return;
        }
        int errno = Libc.sendtoEmptyNoThrow(fd, callState);
        if (errno != 0 && !isTransient(errno)) {
            throw new LinuxException("sendto(AF_XDP tx kick)", errno);
        }
    }

    /** Wakes the driver to refill from the FILL ring when it asked for it (need_wakeup on FILL). */
    public void wakeRx() {
        if (!needWakeup || !fill.needsWakeup()) {
            return;
        }
        int errno = Libc.recvfromEmptyNoThrow(fd, callState);
        if (errno != 0 && !isTransient(errno)) {
            throw new LinuxException("recvfrom(AF_XDP rx wake-up)", errno);
        }
    }

    /** Blocks up to {@code timeoutMillis} for received frames; for tests and idle strategies, not spinning workers. */
    public boolean awaitRx(int timeoutMillis) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment pollFd = arena.allocate(Libc.POLLFD);
            pollFd.set(JAVA_INT, 0, fd);
            pollFd.set(JAVA_SHORT, 4, Libc.POLLIN);
            return Libc.poll(pollFd, timeoutMillis) > 0;
        }
    }

    public XdpStatistics statistics() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment s = arena.allocate(XdpStatistics.SIZE, 8);
            Libc.getsockopt(fd, SOL_XDP, XdpSocketOptions.XDP_STATISTICS, s);
            return new XdpStatistics(s.get(JAVA_LONG, 0), s.get(JAVA_LONG, 8), s.get(JAVA_LONG, 16),
                    s.get(JAVA_LONG, 24), s.get(JAVA_LONG, 32), s.get(JAVA_LONG, 40));
        }
    }

    /** Closes the socket and unmaps the rings it mapped; a shared FILL/COMPLETION pair stays with its owner. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        Libc.close(fd);
        mappedRings.forEach(XskRing::unmap);
    }

    private static boolean isTransient(int errno) {
        return errno == Errno.EAGAIN.code() || errno == Errno.EBUSY.code() || errno == Errno.ENOBUFS.code()
                || errno == Errno.ENETDOWN.code();
    }

    private static void closeQuietly(int fd, RuntimeException primary) {
        try {
            Libc.close(fd);
        } catch (LinuxException e) {
            primary.addSuppressed(e);
        }
    }

    /** The rings of a socket being opened, so a failure half-way can unmap what was mapped. */
    private static final class Rings {
        RxRing rx;
        TxRing tx;
        FillRing fill;
        CompletionRing completion;
        final List<XskRing> owned = new ArrayList<>();

        void map(int fd, XskConfig config, boolean withFillAndCompletion) {
            RingOffsets[] offsets = readOffsets(fd);
            if (config.rxSize() > 0) {
                rx = own(new RxRing(mapRing(fd, offsets[0], config.rxSize(), XdpDescriptor.SIZE,
                        XdpSocketOptions.XDP_PGOFF_RX_RING), offsets[0], config.rxSize()));
            }
            if (config.txSize() > 0) {
                tx = own(new TxRing(mapRing(fd, offsets[1], config.txSize(), XdpDescriptor.SIZE,
                        XdpSocketOptions.XDP_PGOFF_TX_RING), offsets[1], config.txSize()));
            }
            if (withFillAndCompletion) {
                fill = own(new FillRing(mapRing(fd, offsets[2], config.fillSize(), FillRing.ENTRY_SIZE,
                        XdpSocketOptions.XDP_UMEM_PGOFF_FILL_RING), offsets[2], config.fillSize()));
                completion = own(new CompletionRing(mapRing(fd, offsets[3], config.completionSize(),
                        CompletionRing.ENTRY_SIZE, XdpSocketOptions.XDP_UMEM_PGOFF_COMPLETION_RING),
                        offsets[3], config.completionSize()));
            }
        }

        private <R extends XskRing> R own(R ring) {
            owned.add(ring);
            return ring;
        }

        void unmapOwned(RuntimeException primary) {
            for (XskRing ring : owned) {
                try {
                    ring.unmap();
                } catch (LinuxException e) {
                    primary.addSuppressed(e);
                }
            }
        }

        private static MemorySegment mapRing(int fd, RingOffsets offsets, int size, int entrySize, long pageOffset) {
            return Libc.mmap(XskRing.mappingLength(offsets, size, entrySize), Libc.PROT_READ | Libc.PROT_WRITE,
                    Libc.MAP_SHARED | Libc.MAP_POPULATE, fd, pageOffset);
        }

        private static RingOffsets[] readOffsets(int fd) {
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment all = arena.allocate(MMAP_OFFSETS_SIZE, 8);
                Libc.getsockopt(fd, SOL_XDP, XdpSocketOptions.XDP_MMAP_OFFSETS, all);
                RingOffsets[] offsets = new RingOffsets[4];
                for (int i = 0; i < offsets.length; i++) {
                    long base = (long) i * RING_OFFSETS_SIZE;
                    offsets[i] = new RingOffsets(all.get(JAVA_LONG, base), all.get(JAVA_LONG, base + 8),
                            all.get(JAVA_LONG, base + 16), all.get(JAVA_LONG, base + 24));
                }
                return offsets;
            }
        }
    }
}
