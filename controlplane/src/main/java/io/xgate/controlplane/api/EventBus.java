package io.xgate.controlplane.api;

import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Fans events (monitor state changes, commits, ...) out to the clients of {@code events.subscribe}. Publishing
 * never blocks: each subscriber has a bounded queue, and a subscriber too slow to keep up loses events and is
 * told how many.
 */
public final class EventBus {
    static final int QUEUE_CAPACITY = 1024;

    private final Set<Subscription> subscriptions = ConcurrentHashMap.newKeySet();

    /** Sends {@code event} (turned into JSON by Jackson) to every subscriber. */
    public void publish(final Object event) {
        if (subscriptions.isEmpty()) {
            return;
        }
        final String line = Protocol.line(Protocol.event(event));
        subscriptions.forEach(s -> s.offer(line));
    }

    Subscription subscribe() {
        final Subscription subscription = new Subscription();
        subscriptions.add(subscription);
        return subscription;
    }

    /** One subscriber's queue of event lines. */
    final class Subscription implements AutoCloseable {
        private final BlockingQueue<String> lines = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
        private final AtomicLong dropped = new AtomicLong();

        private void offer(final String line) {
            if (!lines.offer(line)) {
                dropped.incrementAndGet();
            }
        }

        /** The next line to send (a drop notice first, when events were lost), or null after the timeout. */
        String poll(final long timeoutMillis) throws InterruptedException {
            final long lost = dropped.getAndSet(0);
            if (lost > 0) {
                return Protocol.line(Protocol.JSON.createObjectNode().put("v", Protocol.VERSION).put("dropped", lost));
            }
            return lines.poll(timeoutMillis, TimeUnit.MILLISECONDS);
        }

        @Override
        public void close() {
            subscriptions.remove(this);
        }
    }
}
