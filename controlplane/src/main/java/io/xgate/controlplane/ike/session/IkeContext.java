package io.xgate.controlplane.ike.session;

import org.agrona.concurrent.NanoClock;

import java.security.SecureRandom;

/** What every session of one engine shares: injected randomness, clock and socket, the listener, limits and SPIs. */
record IkeContext(SecureRandom random, NanoClock clock, IkeTransport transport, IkeListener listener, IkeTiming timing,
                  Spis spis) {

    long now() {
        return clock.nanoTime();
    }
}
