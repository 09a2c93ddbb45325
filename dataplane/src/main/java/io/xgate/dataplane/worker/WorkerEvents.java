package io.xgate.dataplane.worker;

import io.xgate.dataplane.counters.DropReason;
import org.agrona.concurrent.ringbuffer.OneToOneRingBuffer;

/** The control plane's end of a worker's event ring; one reader thread. */
public final class WorkerEvents {
    private final OneToOneRingBuffer ring;

    WorkerEvents(final OneToOneRingBuffer ring) {
        this.ring = ring;
    }

    /**
     * Delivers up to {@code limit} waiting events — punted packets to {@code punts}, replies to the tunnel
     * monitor's probes to {@code probeReplies} — in the order the worker wrote them; returns how many.
     */
    public int poll(final PuntListener punts, final ProbeReplyListener probeReplies, final int limit) {
        return ring.read((type, buffer, index, length) -> {
            if (type == PuntPublisher.PUNT) {
                punts.onPunt(DropReason.of(buffer.getInt(index + PuntPublisher.REASON_OFFSET)),
                        buffer.getInt(index + PuntPublisher.PORT_OFFSET), buffer,
                        index + PuntPublisher.PACKET_OFFSET, length - PuntPublisher.PACKET_OFFSET);
            } else if (type == ProbeReplyPublisher.PROBE_REPLY) {
                probeReplies.onProbeReply(buffer.getInt(index + ProbeReplyPublisher.TUNNEL_OFFSET),
                        buffer.getInt(index + ProbeReplyPublisher.SEQUENCE_OFFSET),
                        buffer.getLong(index + ProbeReplyPublisher.RECEIVED_OFFSET));
            }
        }, limit);
    }
}
