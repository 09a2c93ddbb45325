package io.xgate.dataplane.sa;

import io.xgate.dataplane.counters.TrafficCounters;

/**
 * A tunnel interface as the worker sees it: its MTU, cumulative counters across rekeys, and the outbound SA of
 * each child (one per proxy ID; route-based tunnels have one child with 0.0.0.0/0 selectors).
 */
public final class Tunnel implements Retirable {
    private static final OutboundSa[] NONE = new OutboundSa[0];

    private final int id;
    private final String name;
    private final int mtu;
    private final int virtualRouter;
    private final TrafficCounters counters;
    private OutboundSa[] children = NONE;

    public Tunnel(final int id, final String name, final int mtu, final int virtualRouter,
                  final TrafficCounters counters) {
        this.id = id;
        this.name = name;
        this.mtu = mtu;
        this.virtualRouter = virtualRouter;
        this.counters = counters;
    }

    public int id() {
        return id;
    }

    public String name() {
        return name;
    }

    /** Largest inner packet this tunnel carries. */
    public int mtu() {
        return mtu;
    }

    /** The virtual router decapsulated packets are routed in. */
    public int virtualRouter() {
        return virtualRouter;
    }

    public TrafficCounters counters() {
        return counters;
    }

    /**
     * The outbound SA whose selectors take this packet, or null. The first child wins, as proxy IDs are
     * checked in configuration order.
     */
    public OutboundSa select(final int family, final long srcHi, final long srcLo, final long dstHi, final long dstLo,
                             final int protocol, final int srcPort, final int dstPort) {
        final OutboundSa[] c = children;
        for (int i = 0; i < c.length; i++) {
            if (c[i].selects(family, srcHi, srcLo, dstHi, dstLo, protocol, srcPort, dstPort)) {
                return c[i];
            }
        }
        return null;
    }

    /** Installs or replaces (rekey: same selectors, new SA) the outbound SA of a child. Off the hot path. */
    public OutboundSa install(final OutboundSa sa) {
        for (int i = 0; i < children.length; i++) {
            if (children[i].selectors().equals(sa.selectors())) {
                final OutboundSa old = children[i];
                final OutboundSa[] copy = children.clone();
                copy[i] = sa;
                children = copy;
                return old;
            }
        }
        final OutboundSa[] copy = java.util.Arrays.copyOf(children, children.length + 1);
        copy[children.length] = sa;
        children = copy;
        return null;
    }

    /** Removes the outbound SA with this SPI; returns it or null. */
    public OutboundSa remove(final int spi) {
        for (int i = 0; i < children.length; i++) {
            if (children[i].spi() == spi) {
                final OutboundSa old = children[i];
                final OutboundSa[] copy = new OutboundSa[children.length - 1];
                System.arraycopy(children, 0, copy, 0, i);
                System.arraycopy(children, i + 1, copy, i, children.length - i - 1);
                children = copy;
                return old;
            }
        }
        return null;
    }

    public OutboundSa[] children() {
        return children;
    }

    /** Frees the tunnel's counters (after its SAs were removed). */
    @Override
    public void close() {
        counters.close();
    }
}
