package io.xgate.dataplane.worker;

import io.xgate.dataplane.counters.DropReason;
import org.agrona.concurrent.ringbuffer.OneToOneRingBuffer;

/** The control plane's end of a worker's event ring; one reader thread. */
public final class WorkerEvents {
    private final OneToOneRingBuffer ring;

    WorkerEvents(final OneToOneRingBuffer ring) {
        this.ring = ring;
    }

    /** Delivers up to {@code limit} waiting punted packets to {@code listener}; returns how many. */
    public int poll(final PuntListener listener, final int limit) {
        return ring.read((type, buffer, index, length) -> {
            if (type == PuntPublisher.PUNT) {
                listener.onPunt(DropReason.of(buffer.getInt(index + PuntPublisher.REASON_OFFSET)),
                        buffer.getInt(index + PuntPublisher.PORT_OFFSET), buffer,
                        index + PuntPublisher.PACKET_OFFSET, length - PuntPublisher.PACKET_OFFSET);
            }
        }, limit);
    }
}
