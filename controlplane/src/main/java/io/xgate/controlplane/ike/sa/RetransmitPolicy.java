package io.xgate.controlplane.ike.sa;

import java.util.concurrent.TimeUnit;

/**
 * When an unanswered request is sent again (RFC 7296 §2.1): after {@code initialNanos}, then twice as long each
 * time, at most {@code maxRetransmits} times; after the last wait the peer is considered gone.
 */
public record RetransmitPolicy(long initialNanos, int maxRetransmits) {
    /** 1, 2, 4, 8, 16 s: the peer has 31 s plus a last 32 s wait, about what strongSwan's defaults give. */
    public static final RetransmitPolicy DEFAULT = new RetransmitPolicy(TimeUnit.SECONDS.toNanos(1), 5);

    /** The wait after transmission number {@code sent} (1 = the first). */
    public long waitAfter(final int sent) {
        return initialNanos << Math.min(sent - 1, 30);
    }
}
