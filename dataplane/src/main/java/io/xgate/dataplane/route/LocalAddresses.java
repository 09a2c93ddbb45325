package io.xgate.dataplane.route;

import io.xgate.dataplane.packet.IpAddress;
import org.agrona.collections.IntHashSet;
import org.agrona.collections.Long2ObjectHashMap;
import org.agrona.collections.LongHashSet;

/** The gateway's own addresses (ports and tunnel interfaces): packets to them are for the box, not forwarded. */
public final class LocalAddresses {
    private final IntHashSet v4 = new IntHashSet();
    private final Long2ObjectHashMap<LongHashSet> v6 = new Long2ObjectHashMap<>();

    public void add(final IpAddress address) {
        if (address.isV4()) {
            v4.add(address.v4());
        } else {
            v6.computeIfAbsent(address.high(), h -> new LongHashSet()).add(address.low());
        }
    }

    public void remove(final IpAddress address) {
        if (address.isV4()) {
            v4.remove(address.v4());
        } else {
            final LongHashSet lows = v6.get(address.high());
            if (lows != null) {
                lows.remove(address.low());
            }
        }
    }

    public boolean containsV4(final int address) {
        return v4.contains(address);
    }

    public boolean containsV6(final long high, final long low) {
        final LongHashSet lows = v6.get(high);
        return lows != null && lows.contains(low);
    }
}
