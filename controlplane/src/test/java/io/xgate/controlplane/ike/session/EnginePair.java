package io.xgate.controlplane.ike.session;

import io.xgate.controlplane.ike.policy.GatewayPolicy;
import io.xgate.controlplane.ike.sa.RetransmitPolicy;
import io.xgate.controlplane.ike.trace.IkeTraceLine;
import io.xgate.controlplane.ike.trace.IkeTracing;
import org.agrona.concurrent.CachedNanoClock;

import java.net.InetAddress;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Two engines, A (192.0.2.1) and B (192.0.2.2), on a {@link FakeWire}, sharing a clock the test moves. Seeded
 * randomness makes every run send the same bytes.
 */
final class EnginePair {
    static final InetAddress A = InetAddress.ofLiteral("192.0.2.1");
    static final InetAddress B = InetAddress.ofLiteral("192.0.2.2");
    static final IkeTiming TIMING = new IkeTiming(new RetransmitPolicy(TimeUnit.SECONDS.toNanos(1), 3),
        TimeUnit.SECONDS.toNanos(30), 8, 4, TimeUnit.SECONDS.toNanos(10), TimeUnit.SECONDS.toNanos(5),
        Fragmentation.DEFAULT);

    /** {@link #TIMING} with other fragment sizes. */
    static IkeTiming timing(final Fragmentation fragments) {
        final IkeTiming t = TIMING;
        return new IkeTiming(t.retransmit(), t.halfOpenNanos(), t.maxHalfOpen(), t.cookieThreshold(), t.reconnectNanos(),
            t.rekeyGraceNanos(), fragments);
    }

    final CachedNanoClock clock = new CachedNanoClock();
    final FakeWire wire = new FakeWire();
    final List<RecordingListener.Step> journal = new ArrayList<>();
    final RecordingListener a = new RecordingListener("A", journal);
    final RecordingListener b = new RecordingListener("B", journal);
    /** Each engine's trace lines, of the gateways a test turns on in {@link #tracingA} / {@link #tracingB}. */
    final List<IkeTraceLine> tracedA = new ArrayList<>();
    final List<IkeTraceLine> tracedB = new ArrayList<>();
    final IkeTracing tracingA = new IkeTracing(tracedA::add);
    final IkeTracing tracingB = new IkeTracing(tracedB::add);
    final IkeEngine engineA;
    final IkeEngine engineB;

    EnginePair(final PeerConfig configA, final PeerConfig configB) {
        this(configA.policies(), configB.policies(), TIMING);
    }

    EnginePair(final List<GatewayPolicy> policiesA, final List<GatewayPolicy> policiesB, final IkeTiming timing) {
        clock.update(1_000_000_000L);
        engineA = new IkeEngine(policiesA, wire.transport(), a, seeded(1), clock, timing, tracingA);
        engineB = new IkeEngine(policiesB, wire.transport(), b, seeded(2), clock, timing, tracingB);
        wire.attach(A, engineA);
        wire.attach(B, engineB);
    }

    static SecureRandom seeded(final int seed) {
        try {
            final SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
            random.setSeed(seed);
            return random;
        } catch (final java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Both engines work and the wire delivers, until nothing moves. */
    void settle() {
        int rounds = 0;
        while (engineA.doWork() + engineB.doWork() + wire.pump() > 0) {
            if (++rounds > 100) {
                throw new IllegalStateException("the exchange does not settle");
            }
        }
    }

    /** Moves the shared clock, then settles. */
    void advance(final long seconds) {
        clock.advance(TimeUnit.SECONDS.toNanos(seconds));
        settle();
    }
}
