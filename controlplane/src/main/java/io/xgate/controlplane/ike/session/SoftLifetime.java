package io.xgate.controlplane.ike.session;

import java.security.SecureRandom;

/**
 * When to rekey an SA of a given hard lifetime: 10 to 20 % of it before expiry, chosen at random per SA, so the
 * two peers (and the many SAs of one peer) rarely start rekeying at the same moment (RFC 7296 §2.8.1 asks for it).
 */
final class SoftLifetime {
    private static final double MIN_MARGIN = 0.10;
    private static final double MAX_MARGIN = 0.20;

    private SoftLifetime() {
    }

    static long rekeyAt(final long nowNanos, final long lifetimeNanos, final SecureRandom random) {
        final double margin = MIN_MARGIN + (MAX_MARGIN - MIN_MARGIN) * random.nextDouble();
        return nowNanos + (long) (lifetimeNanos * (1.0 - margin));
    }
}
