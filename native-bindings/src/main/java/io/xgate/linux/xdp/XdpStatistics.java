package io.xgate.linux.xdp;

/** struct xdp_statistics, read with getsockopt(XDP_STATISTICS); counters since the socket was created. */
public record XdpStatistics(long rxDropped, long rxInvalidDescriptors, long txInvalidDescriptors,
                            long rxRingFull, long rxFillRingEmptyDescriptors, long txRingEmptyDescriptors) {
    static final int SIZE = 48;
}
