package io.xgate.controlplane.ike.session;

import io.xgate.controlplane.ike.trace.IkeTrace;
import io.xgate.controlplane.ike.trace.IkeTracing;
import org.agrona.concurrent.NanoClock;

import java.security.SecureRandom;
import java.util.function.Consumer;

/**
 * What every session of one engine shares: injected randomness, clock and socket, the listener, limits and SPIs,
 * {@code registry}, through which an IKE SA born from a rekey joins the engine's table, and which gateways the admin
 * traces.
 */
record IkeContext(SecureRandom random, NanoClock clock, IkeTransport transport, IkeListener listener, IkeTiming timing,
                  Spis spis, Consumer<IkeSession> registry, IkeTracing tracing) {

    long now() {
        return clock.nanoTime();
    }

    /** The gateway's trace, {@link IkeTrace#OFF} unless the admin turned it on. */
    IkeTrace trace(final String gateway) {
        return tracing.of(gateway);
    }

    void register(final IkeSession session) {
        registry.accept(session);
    }
}
