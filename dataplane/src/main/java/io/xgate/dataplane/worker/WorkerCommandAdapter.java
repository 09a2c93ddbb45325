package io.xgate.dataplane.worker;

import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.MessageHandler;
import org.agrona.concurrent.ringbuffer.ManyToOneRingBuffer;

/** The worker's end of the command ring: reads sequence numbers, collects their commands, applies them. */
public final class WorkerCommandAdapter implements MessageHandler {
    private final ManyToOneRingBuffer ring;
    private final CommandHandoff handoff;
    private final ForwardingTables tables;
    private long applied;

    WorkerCommandAdapter(final ManyToOneRingBuffer ring, final CommandHandoff handoff, final ForwardingTables tables) {
        this.ring = ring;
        this.handoff = handoff;
        this.tables = tables;
    }

    /** Applies up to {@code limit} waiting commands; returns how many. */
    public int poll(final int limit) {
        return ring.read(this, limit);
    }

    /** Commands applied since start (for tests and the worker's status). */
    public long applied() {
        return applied;
    }

    @Override
    public void onMessage(final int msgTypeId, final MutableDirectBuffer buffer, final int index, final int length) {
        if (msgTypeId == WorkerProxy.COMMAND) {
            handoff.collect(buffer.getLong(index)).applyTo(tables);
            applied++;
        }
    }
}
