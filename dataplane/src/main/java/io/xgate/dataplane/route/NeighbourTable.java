package io.xgate.dataplane.route;

import io.xgate.dataplane.packet.IpAddress;
import org.agrona.collections.Long2LongHashMap;
import org.agrona.collections.Long2ObjectHashMap;

/**
 * Next-hop link-layer addresses the control plane learnt from the kernel, per worker. A missing entry reads
 * as 0, which the pipeline counts as no-neighbour and reports so the control plane can resolve it.
 */
public final class NeighbourTable {
    private static final long MISSING = 0;

    private final Long2LongHashMap v4 = new Long2LongHashMap(MISSING);
    /** IPv6 by high half, then low half: two primitive lookups, no key object per packet. */
    private final Long2ObjectHashMap<Long2LongHashMap> v6 = new Long2ObjectHashMap<>();

    public void put(final IpAddress address, final long mac) {
        if (address.isV4()) {
            v4.put(address.low(), mac);
        } else {
            v6.computeIfAbsent(address.high(), h -> new Long2LongHashMap(MISSING)).put(address.low(), mac);
        }
    }

    public void remove(final IpAddress address) {
        if (address.isV4()) {
            v4.remove(address.low());
        } else {
            final Long2LongHashMap byLow = v6.get(address.high());
            if (byLow != null) {
                byLow.remove(address.low());
            }
        }
    }

    public long macV4(final int address) {
        return v4.get(address & 0xFFFF_FFFFL);
    }

    public long macV6(final long high, final long low) {
        final Long2LongHashMap byLow = v6.get(high);
        return byLow == null ? MISSING : byLow.get(low);
    }
}
