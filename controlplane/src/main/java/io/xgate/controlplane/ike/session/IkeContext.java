package io.xgate.controlplane.ike.session;

import org.agrona.concurrent.NanoClock;

import java.security.SecureRandom;
import java.util.function.Consumer;

/**
 * What every session of one engine shares: injected randomness, clock and socket, the listener, limits and SPIs, and
 * {@code registry}, through which an IKE SA born from a rekey joins the engine's table.
 */
record IkeContext(SecureRandom random, NanoClock clock, IkeTransport transport, IkeListener listener, IkeTiming timing,
                  Spis spis, Consumer<IkeSession> registry) {

    long now() {
        return clock.nanoTime();
    }

    void register(final IkeSession session) {
        registry.accept(session);
    }
}
