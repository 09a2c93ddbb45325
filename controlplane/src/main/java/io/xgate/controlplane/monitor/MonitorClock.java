package io.xgate.controlplane.monitor;

import java.time.Instant;

/**
 * The monitor's time: a monotonic clock for probing and timeouts (the same {@link System#nanoTime()} the worker
 * stamps probe replies with) and the wall clock for the "since" an admin reads. Injected, so tests step it.
 */
public interface MonitorClock {
    MonitorClock SYSTEM = new MonitorClock() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public Instant wallTime() {
            return Instant.now();
        }
    };

    long nanoTime();

    Instant wallTime();
}
