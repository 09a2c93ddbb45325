package io.xgate.dataplane.worker;

import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.AtomicBuffer;
import org.agrona.concurrent.MessageHandler;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.OneToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RingBuffer;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;

/**
 * Packets one worker hands to another (one producer, one consumer), copied into the ring: the two workers' frames
 * live in different UMEMs, so a frame address means nothing to the other side. A message is
 * {@code port:int, virtualRouter:int, bytes} with the entry point as its type. Claims space and copies straight
 * from the frame, so nothing is allocated; a full ring refuses the packet and never waits.
 */
public final class HandoffRing {
    /** An IP packet as received on {@code port}: the owner classifies it again (inbound IPsec for its SA). */
    public static final int INGRESS = 1;
    /** An IP packet to route in {@code virtualRouter} (into the owner's tunnel). */
    public static final int ROUTE = 2;
    static final int PORT_OFFSET = 0;
    static final int VIRTUAL_ROUTER_OFFSET = 4;
    static final int PACKET_OFFSET = 8;

    private final OneToOneRingBuffer ring;
    private final AtomicBuffer buffer;
    private final MemorySegment memory;

    /** @param capacity bytes of messages, a power of two */
    public HandoffRing(final int capacity) {
        final ByteBuffer bytes = ByteBuffer.allocateDirect(capacity + RingBufferDescriptor.TRAILER_LENGTH);
        this.ring = new OneToOneRingBuffer(new UnsafeBuffer(bytes));
        this.buffer = ring.buffer();
        this.memory = MemorySegment.ofBuffer(bytes);
    }

    /** Producer side: copies {@code length} bytes at {@code offset}; false when they do not fit now. */
    public boolean offer(final int entry, final int port, final int virtualRouter, final MemorySegment frames,
                         final long offset, final int length) {
        if (PACKET_OFFSET + length > ring.maxMsgLength()) {
            return false;
        }
        final int index = ring.tryClaim(entry, PACKET_OFFSET + length);
        if (index == RingBuffer.INSUFFICIENT_CAPACITY) {
            return false;
        }
        buffer.putInt(index + PORT_OFFSET, port);
        buffer.putInt(index + VIRTUAL_ROUTER_OFFSET, virtualRouter);
        MemorySegment.copy(frames, offset, memory, index + PACKET_OFFSET, length);
        ring.commit(index);
        return true;
    }

    /** Consumer side: up to {@code limit} waiting packets to {@code receiver}, oldest first; returns how many. */
    public int drain(final Receiver receiver, final int limit) {
        return ring.read(receiver.from(this), limit);
    }

    /** Where the consumer takes a packet over; the bytes are valid only during the call (they sit in the ring). */
    public abstract static class Receiver implements MessageHandler {
        private MemorySegment memory;

        private Receiver from(final HandoffRing ring) {
            this.memory = ring.memory;
            return this;
        }

        @Override
        public final void onMessage(final int entry, final MutableDirectBuffer buffer, final int index,
                                    final int length) {
            onPacket(entry, buffer.getInt(index + PORT_OFFSET), buffer.getInt(index + VIRTUAL_ROUTER_OFFSET), memory,
                    index + PACKET_OFFSET, length - PACKET_OFFSET);
        }

        protected abstract void onPacket(int entry, int port, int virtualRouter, MemorySegment packet, long offset,
                                         int length);
    }
}
