package io.xgate.dataplane.worker;

import io.xgate.dataplane.counters.DropReason;
import java.lang.foreign.MemorySegment;
import org.agrona.concurrent.AtomicBuffer;
import org.agrona.concurrent.ringbuffer.OneToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RingBuffer;
import org.agrona.concurrent.status.AtomicCounter;

/**
 * Copies punted packets into the worker's event ring: {@code reason:int, port:int, bytes}. Claims space and
 * copies straight from the frame, so nothing is allocated; a full ring costs the packet and a count.
 */
final class PuntPublisher implements PuntHandler {
    static final int PUNT = 1;
    static final int REASON_OFFSET = 0;
    static final int PORT_OFFSET = 4;
    static final int PACKET_OFFSET = 8;

    private final OneToOneRingBuffer ring;
    private final AtomicBuffer buffer;
    private final MemorySegment memory;
    private final AtomicCounter lost;

    /** @param memory the ring's buffer as a segment, the target of the packet copy */
    PuntPublisher(final OneToOneRingBuffer ring, final MemorySegment memory, final AtomicCounter lost) {
        this.ring = ring;
        this.buffer = ring.buffer();
        this.memory = memory;
        this.lost = lost;
    }

    @Override
    public void punt(final DropReason reason, final int port, final MemorySegment frames, final long offset,
                     final int length) {
        if (PACKET_OFFSET + length > ring.maxMsgLength()) {
            lost.incrementRelease();
            return;
        }
        final int index = ring.tryClaim(PUNT, PACKET_OFFSET + length);
        if (index == RingBuffer.INSUFFICIENT_CAPACITY) {
            lost.incrementRelease();
            return;
        }
        buffer.putInt(index + REASON_OFFSET, reason.ordinal());
        buffer.putInt(index + PORT_OFFSET, port);
        MemorySegment.copy(frames, offset, memory, index + PACKET_OFFSET, length);
        ring.commit(index);
    }
}
