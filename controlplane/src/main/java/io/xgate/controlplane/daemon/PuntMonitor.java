package io.xgate.controlplane.daemon;

import io.xgate.dataplane.counters.DropReason;
import io.xgate.dataplane.packet.IpAddress;
import io.xgate.dataplane.worker.PuntListener;
import java.lang.System.Logger.Level;
import java.nio.ByteOrder;
import org.agrona.DirectBuffer;

/**
 * Reads what the worker punts, on the control thread. For now it counts per reason and logs at debug; a
 * no-neighbour punt also gets its destination resolved. Answering with ICMP (time exceeded, fragmentation
 * needed / packet too big, unreachable) comes later.
 */
final class PuntMonitor implements PuntListener {
    private static final System.Logger LOG = System.getLogger(PuntMonitor.class.getName());
    private static final int IPV4_DESTINATION = 16;
    private static final int IPV6_DESTINATION = 24;

    private final NeighbourResolver neighbours;
    private final long[] counts = new long[DropReason.count()];

    PuntMonitor(final NeighbourResolver neighbours) {
        this.neighbours = neighbours;
    }

    @Override
    public void onPunt(final DropReason reason, final int port, final DirectBuffer packet, final int offset,
                       final int length) {
        counts[reason.ordinal()]++;
        final IpAddress destination = destination(packet, offset, length);
        LOG.log(Level.DEBUG, () -> "punt " + reason.label() + " from port " + port + ": " + length + " bytes to "
                + (destination == null ? "(not IP)" : destination));
        if (reason == DropReason.NO_NEIGHBOUR && destination != null) {
            neighbours.resolveOnDemand(destination);
        }
    }

    long count(final DropReason reason) {
        return counts[reason.ordinal()];
    }

    /** The IP destination of a punted packet (punts of IP start at the IP header), or null. */
    private static IpAddress destination(final DirectBuffer packet, final int offset, final int length) {
        if (length < 1) {
            return null;
        }
        final int version = (packet.getByte(offset) & 0xFF) >>> 4;
        if (version == 4 && length >= IPV4_DESTINATION + 4) {
            return IpAddress.v4(packet.getInt(offset + IPV4_DESTINATION, ByteOrder.BIG_ENDIAN));
        }
        if (version == 6 && length >= IPV6_DESTINATION + 16) {
            return IpAddress.v6(packet.getLong(offset + IPV6_DESTINATION, ByteOrder.BIG_ENDIAN),
                    packet.getLong(offset + IPV6_DESTINATION + 8, ByteOrder.BIG_ENDIAN));
        }
        return null;
    }
}
