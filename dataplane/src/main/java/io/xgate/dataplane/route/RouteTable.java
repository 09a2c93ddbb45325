package io.xgate.dataplane.route;

import io.xgate.dataplane.packet.IpAddress;
import io.xgate.dataplane.packet.IpPrefix;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Longest-prefix match for one virtual router, IPv4 and IPv6. Gateways carry tens of routes, so a scan of
 * prefixes ordered longest first beats a trie on cache behaviour; the arrays are rebuilt on every change
 * (off the hot path) and read without allocation.
 */
public final class RouteTable {
    private record Entry(IpPrefix prefix, int metric, Adjacency adjacency) {
    }

    private final List<Entry> entries = new ArrayList<>();
    private int[] v4Network = new int[0];
    private int[] v4Mask = new int[0];
    private Adjacency[] v4Adjacency = new Adjacency[0];
    private long[] v6High = new long[0];
    private long[] v6Low = new long[0];
    private long[] v6MaskHigh = new long[0];
    private long[] v6MaskLow = new long[0];
    private Adjacency[] v6Adjacency = new Adjacency[0];

    /** Adds a route; among equal prefixes the lowest metric wins. Host bits in the prefix are ignored. */
    public void add(final IpPrefix prefix, final int metric, final Adjacency adjacency) {
        entries.add(new Entry(prefix.masked(), metric, adjacency));
        rebuild();
    }

    /** Removes every route with this prefix and adjacency; returns whether any was removed. */
    public boolean remove(final IpPrefix prefix, final Adjacency adjacency) {
        final boolean removed = entries.removeIf(e -> e.prefix.equals(prefix.masked()) && e.adjacency == adjacency);
        rebuild();
        return removed;
    }

    /** Removes every route that leads into this adjacency (a tunnel going down). */
    public void removeAll(final Adjacency adjacency) {
        entries.removeIf(e -> e.adjacency == adjacency);
        rebuild();
    }

    public Adjacency lookupV4(final int destination) {
        final int[] net = v4Network;
        final int[] mask = v4Mask;
        for (int i = 0; i < net.length; i++) {
            if ((destination & mask[i]) == net[i]) {
                return v4Adjacency[i];
            }
        }
        return null;
    }

    public Adjacency lookupV6(final long high, final long low) {
        final long[] h = v6High;
        for (int i = 0; i < h.length; i++) {
            if ((high & v6MaskHigh[i]) == h[i] && (low & v6MaskLow[i]) == v6Low[i]) {
                return v6Adjacency[i];
            }
        }
        return null;
    }

    public Adjacency lookup(final IpAddress destination) {
        return destination.isV4() ? lookupV4(destination.v4()) : lookupV6(destination.high(), destination.low());
    }

    public List<String> describe() {
        final List<String> out = new ArrayList<>();
        for (final Entry e : sorted()) {
            out.add(e.prefix + " metric " + e.metric + " -> " + e.adjacency);
        }
        return out;
    }

    private List<Entry> sorted() {
        final List<Entry> s = new ArrayList<>(entries);
        s.sort(Comparator.comparingInt((Entry e) -> -e.prefix.length()).thenComparingInt(e -> e.metric));
        return s;
    }

    private void rebuild() {
        final List<Entry> v4 = sorted().stream().filter(e -> e.prefix.family() == IpAddress.V4).toList();
        final List<Entry> v6 = sorted().stream().filter(e -> e.prefix.family() == IpAddress.V6).toList();
        final int[] net = new int[v4.size()];
        final int[] mask = new int[v4.size()];
        final Adjacency[] adj4 = new Adjacency[v4.size()];
        for (int i = 0; i < net.length; i++) {
            net[i] = v4.get(i).prefix.network().v4();
            mask[i] = (int) v4.get(i).prefix.lowMask();
            adj4[i] = v4.get(i).adjacency;
        }
        final long[] hi = new long[v6.size()];
        final long[] lo = new long[v6.size()];
        final long[] mh = new long[v6.size()];
        final long[] ml = new long[v6.size()];
        final Adjacency[] adj6 = new Adjacency[v6.size()];
        for (int i = 0; i < hi.length; i++) {
            final IpPrefix p = v6.get(i).prefix;
            hi[i] = p.network().high();
            lo[i] = p.network().low();
            mh[i] = p.highMask();
            ml[i] = p.lowMask();
            adj6[i] = v6.get(i).adjacency;
        }
        v4Adjacency = adj4;
        v4Mask = mask;
        v4Network = net;
        v6Adjacency = adj6;
        v6MaskHigh = mh;
        v6MaskLow = ml;
        v6Low = lo;
        v6High = hi;
    }
}
