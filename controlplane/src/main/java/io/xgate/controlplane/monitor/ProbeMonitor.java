package io.xgate.controlplane.monitor;

import java.time.Duration;
import java.util.Locale;

/**
 * The state machine of one tunnel's monitor. It probes every interval; a tunnel whose probes have gone unanswered
 * for threshold × interval (threshold consecutive probes) is {@link TunnelState#DOWN}, and the first answered probe
 * makes it {@link TunnelState#UP} again. Before the first reply it is {@link TunnelState#INIT}. Driven by
 * {@link #tick} and {@link #onReply} on one thread; every method that changes the state returns the new status,
 * else null.
 */
final class ProbeMonitor {
    private static final int SEQUENCE_MASK = 0xFFFF;

    private final MonitorTarget target;
    private final ProbeSender sender;
    private final MonitorClock clock;
    private final long intervalNanos;
    private final long downAfterNanos;
    private TunnelStatus status;
    private long stateSinceNanos;
    private long lastReplyNanos;
    private long nextProbeNanos;
    private int sequence;
    /** Probes sent since the last reply. */
    private int unanswered;

    ProbeMonitor(final MonitorTarget target, final ProbeSender sender, final MonitorClock clock) {
        this.target = target;
        this.sender = sender;
        this.clock = clock;
        this.intervalNanos = target.profile().interval().toNanos();
        this.downAfterNanos = intervalNanos * target.profile().threshold();
        final long now = clock.nanoTime();
        this.stateSinceNanos = now;
        this.lastReplyNanos = now;
        this.nextProbeNanos = now;
        this.status = new TunnelStatus(target.tunnel(), TunnelState.INIT, clock.wallTime(),
                "monitoring " + target.destination().toInetAddress().getHostAddress() + " every "
                        + seconds(intervalNanos) + ", down after " + target.profile().threshold() + " misses",
                0);
    }

    MonitorTarget target() {
        return target;
    }

    TunnelStatus status() {
        return status;
    }

    /** When the current state began, on the monotonic clock (tunnel groups time their hold-down from it). */
    long stateSinceNanos() {
        return stateSinceNanos;
    }

    /** Declares the tunnel down when replies stopped long enough, then sends the probe that is due, if any. */
    TunnelStatus tick(final long now) {
        TunnelStatus change = null;
        if (status.state() != TunnelState.DOWN && now - lastReplyNanos >= downAfterNanos) {
            change = enter(TunnelState.DOWN, now, "no reply to " + unanswered + " probes to "
                    + destination() + " in " + seconds(now - lastReplyNanos));
        }
        if (now - nextProbeNanos >= 0) {
            sequence = (sequence + 1) & SEQUENCE_MASK;
            // A probe the worker could not take counts as unanswered, like one lost on the way.
            sender.send(target.tunnelId(), target.source(), target.destination(), sequence);
            unanswered++;
            nextProbeNanos += intervalNanos;
            if (now - nextProbeNanos >= 0) {
                nextProbeNanos = now + intervalNanos; // after a stall, probe on from now rather than in a burst
            }
        }
        return change;
    }

    /**
     * A reply for this tunnel, received at {@code receivedNanos}; counted when it answers one of the last
     * threshold probes (older ones are stale, from before an outage).
     */
    TunnelStatus onReply(final int replySequence, final long receivedNanos) {
        if (((sequence - replySequence) & SEQUENCE_MASK) >= target.profile().threshold()) {
            return null;
        }
        lastReplyNanos = receivedNanos;
        unanswered = 0;
        if (status.state() == TunnelState.UP) {
            return null;
        }
        return enter(TunnelState.UP, receivedNanos, status.state() == TunnelState.DOWN
                ? "probe replies from " + destination() + " resumed after " + seconds(receivedNanos - stateSinceNanos)
                : "probe replies from " + destination());
    }

    private TunnelStatus enter(final TunnelState state, final long now, final String reason) {
        stateSinceNanos = now;
        status = new TunnelStatus(target.tunnel(), state, clock.wallTime(), reason, status.changes() + 1);
        return status;
    }

    private String destination() {
        return target.destination().toInetAddress().getHostAddress();
    }

    static String seconds(final long nanos) {
        return String.format(Locale.ROOT, "%.1f s", Duration.ofNanos(nanos).toMillis() / 1000.0);
    }
}
