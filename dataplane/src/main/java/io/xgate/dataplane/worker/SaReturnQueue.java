package io.xgate.dataplane.worker;

import io.xgate.dataplane.sa.Retirable;
import java.util.ArrayDeque;
import org.agrona.concurrent.OneToOneConcurrentArrayQueue;

/**
 * Carries SAs a worker retired back to the control-plane thread, which closes them (wiping keys, freeing
 * counters). Retiring happens only while a command is applied, never per packet. Should the control plane fall
 * behind and the queue fill, the worker keeps the rest in a private backlog and offers it again on the next
 * retirement, so no SA is ever dropped unwiped.
 */
final class SaReturnQueue implements RetiredSas {
    private final OneToOneConcurrentArrayQueue<Retirable> queue;
    /** Worker-thread only. */
    private final ArrayDeque<Retirable> backlog = new ArrayDeque<>();

    SaReturnQueue(final int capacity) {
        this.queue = new OneToOneConcurrentArrayQueue<>(capacity);
    }

    /** Worker side. */
    @Override
    public void retire(final Retirable retired) {
        backlog.addLast(retired);
        while (!backlog.isEmpty() && queue.offer(backlog.peekFirst())) {
            backlog.removeFirst();
        }
    }

    /** Control-plane side: closes every SA handed back so far; returns how many. */
    int closeReturned() {
        return queue.drain(Retirable::close);
    }
}
