package io.xgate.dataplane.counters;

import java.util.ArrayList;
import java.util.List;
import org.agrona.concurrent.status.AtomicCounter;
import org.agrona.concurrent.status.CountersManager;

/**
 * Packets and bytes in both directions plus one counter per drop reason, for one SA, tunnel or port.
 * Written only by the owning worker (release stores, no atomics); read live from the mapped file by others.
 */
public final class TrafficCounters implements AutoCloseable {
    /** Counter slots one set takes: packets and bytes each way, and one per drop reason. */
    public static final int SLOTS = 4 + DropReason.count();

    private final AtomicCounter packetsOut;
    private final AtomicCounter bytesOut;
    private final AtomicCounter packetsIn;
    private final AtomicCounter bytesIn;
    private final AtomicCounter[] drops;

    /**
     * @param owner       label prefix, e.g. "tunnel to-b" or "sa 0x00001001 to-b"
     * @param key         SPI, tunnel id or port id, stored as the counters' key so readers can group them
     * @throws CountersFullException when the file has too few free slots; then none is taken
     */
    public TrafficCounters(final CountersManager manager, final int trafficType, final int dropType,
                           final String owner, final long key) {
        final List<AtomicCounter> allocated = new ArrayList<>();
        try {
            packetsOut = allocate(manager, trafficType, key, owner + ": packets-out", allocated);
            bytesOut = allocate(manager, trafficType, key, owner + ": bytes-out", allocated);
            packetsIn = allocate(manager, trafficType, key, owner + ": packets-in", allocated);
            bytesIn = allocate(manager, trafficType, key, owner + ": bytes-in", allocated);
            drops = new AtomicCounter[DropReason.count()];
            for (final DropReason reason : DropReason.values()) {
                drops[reason.ordinal()] = allocate(manager, dropType, key, owner + ": drop " + reason.label(),
                        allocated);
            }
        } catch (final IllegalStateException e) {
            // A full counters file: give back what this set took, so a failed commit leaves no slot behind.
            allocated.forEach(AtomicCounter::close);
            throw new CountersFullException(owner, e);
        }
    }

    private static AtomicCounter allocate(final CountersManager manager, final int type, final long key,
                                          final String label, final List<AtomicCounter> allocated) {
        final AtomicCounter counter = manager.newCounter(label, type, buffer -> buffer.putLong(0, key));
        allocated.add(counter);
        return counter;
    }

    public void out(final int bytes) {
        packetsOut.incrementRelease();
        bytesOut.getAndAddRelease(bytes);
    }

    public void in(final int bytes) {
        packetsIn.incrementRelease();
        bytesIn.getAndAddRelease(bytes);
    }

    /** A whole batch at once: one store per counter instead of one per packet. */
    public void out(final int packets, final long bytes) {
        packetsOut.getAndAddRelease(packets);
        bytesOut.getAndAddRelease(bytes);
    }

    public void in(final int packets, final long bytes) {
        packetsIn.getAndAddRelease(packets);
        bytesIn.getAndAddRelease(bytes);
    }

    public void drop(final DropReason reason) {
        drops[reason.ordinal()].incrementRelease();
    }

    public void drop(final DropReason reason, final int packets) {
        drops[reason.ordinal()].getAndAddRelease(packets);
    }

    public long packetsOut() {
        return packetsOut.get();
    }

    public long bytesOut() {
        return bytesOut.get();
    }

    public long packetsIn() {
        return packetsIn.get();
    }

    public long bytesIn() {
        return bytesIn.get();
    }

    public long drops(final DropReason reason) {
        return drops[reason.ordinal()].get();
    }

    public long totalDrops() {
        long sum = 0;
        for (final AtomicCounter c : drops) {
            sum += c.get();
        }
        return sum;
    }

    /** Frees the counter slots (values stay readable until reused). */
    @Override
    public void close() {
        packetsOut.close();
        bytesOut.close();
        packetsIn.close();
        bytesIn.close();
        for (final AtomicCounter c : drops) {
            c.close();
        }
    }
}
