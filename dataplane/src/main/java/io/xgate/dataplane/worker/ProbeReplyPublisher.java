package io.xgate.dataplane.worker;

import org.agrona.concurrent.AtomicBuffer;
import org.agrona.concurrent.ringbuffer.OneToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RingBuffer;
import org.agrona.concurrent.status.AtomicCounter;

/**
 * Writes probe replies onto the worker's event ring, beside the punts: {@code tunnel:int, sequence:int,
 * receivedNanos:long}. Claims in place, so nothing is allocated; a full ring costs the event and a count (the
 * monitor then sees a miss, as it would for a lost reply).
 */
final class ProbeReplyPublisher implements ProbeReplyListener {
    static final int PROBE_REPLY = 2;
    static final int TUNNEL_OFFSET = 0;
    static final int SEQUENCE_OFFSET = 4;
    static final int RECEIVED_OFFSET = 8;
    static final int LENGTH = 16;

    private final OneToOneRingBuffer ring;
    private final AtomicBuffer buffer;
    private final AtomicCounter lost;

    ProbeReplyPublisher(final OneToOneRingBuffer ring, final AtomicCounter lost) {
        this.ring = ring;
        this.buffer = ring.buffer();
        this.lost = lost;
    }

    @Override
    public void onProbeReply(final int tunnelId, final int sequence, final long receivedNanos) {
        final int index = ring.tryClaim(PROBE_REPLY, LENGTH);
        if (index == RingBuffer.INSUFFICIENT_CAPACITY) {
            lost.incrementRelease();
            return;
        }
        buffer.putInt(index + TUNNEL_OFFSET, tunnelId);
        buffer.putInt(index + SEQUENCE_OFFSET, sequence);
        buffer.putLong(index + RECEIVED_OFFSET, receivedNanos);
        ring.commit(index);
    }
}
