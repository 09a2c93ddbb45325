package io.xgate.controlplane.ike.session;

import io.xgate.controlplane.ike.payload.PayloadType;
import io.xgate.controlplane.ike.trace.IkeTracing;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.agrona.concurrent.CachedNanoClock;

import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Mutated IKE messages (bit flips, truncations, splices of real exchanges, one of them with IKE_AUTH and
 * CREATE_CHILD_SA in SKF fragments) fed to one passive responder that accepts fragmentation: it never throws, keeps at
 * most {@code maxHalfOpen} half-open SAs, and never answers an unauthenticated datagram with more bytes than it
 * carried (no reflection amplification).
 */
class IkeResponderFuzzProperties {
    private static List<byte[]> seeds;
    private static List<byte[]> fragments;
    private static final CachedNanoClock CLOCK = new CachedNanoClock();
    private static final int[] REPLY = new int[1];
    /** The responder's gateway traced, lines dropped: whatever the network sends, tracing it must not throw. */
    private static final IkeTracing TRACED = new IkeTracing(line -> { });
    private static IkeEngine responder;

    @BeforeContainer
    static void recordARealExchange() {
        TRACED.trace("gw", true);
        final EnginePair pair = new EnginePair(PeerConfig.a(), PeerConfig.b());
        pair.settle();
        seeds = pair.wire.sent.stream().filter(d -> !d.keepalive()).map(FakeWire.Datagram::bytes).toList();
        final EnginePair fragmenting = new EnginePair(PeerConfig.a().fragmenting(), PeerConfig.b().fragmenting(),
            IkeFragmentationTest.SMALL_FRAGMENTS);
        fragmenting.settle();
        fragments = fragmenting.wire.sent.stream().filter(d -> !d.keepalive() && d.bytes().length > 16
            && (d.bytes()[16] & 0xFF) == PayloadType.SKF.value()).map(FakeWire.Datagram::bytes).toList();
        responder = new IkeEngine(PeerConfig.b().fragmenting(), new IkeTransport() {
            @Override
            public void send(final InetSocketAddress from, final InetSocketAddress to, final byte[] datagram) {
                REPLY[0] += datagram.length;
            }

            @Override
            public void sendKeepalive(final InetSocketAddress from, final InetSocketAddress to) {
                REPLY[0] += 1;
            }
        }, new RecordingListener("responder", new java.util.ArrayList<>()), EnginePair.seeded(3), CLOCK, EnginePair.TIMING,
            TRACED);
    }

    @Provide
    Arbitrary<byte[]> mutated() {
        final Arbitrary<byte[]> seed = Arbitraries.oneOf(
            Arbitraries.integers().between(0, 5).map(i -> seeds.get(i % seeds.size()).clone()),
            Arbitraries.integers().between(0, fragments.size() - 1).map(i -> fragments.get(i).clone()));
        return Arbitraries.oneOf(
            seed,
            seed.flatMap(s -> Arbitraries.integers().between(0, s.length * 8 - 1).list().ofMinSize(1).ofMaxSize(8)
                .map(bits -> flip(s, bits))),
            seed.flatMap(s -> Arbitraries.integers().between(0, s.length).map(n -> Arrays.copyOf(s, n))),
            seed.flatMap(s -> Arbitraries.integers().between(0, s.length - 1).flatMap(at ->
                Arbitraries.bytes().array(byte[].class).ofMaxSize(64).map(junk -> splice(s, at, junk)))),
            Arbitraries.bytes().array(byte[].class).ofMaxSize(600));
    }

    @Property(tries = 600)
    void theResponderSurvivesStaysBoundedAndNeverAmplifies(@ForAll("mutated") final byte[] datagram,
                                                           @ForAll("ports") final int port) {
        REPLY[0] = 0;
        responder.onDatagram(new InetSocketAddress(EnginePair.A, port), new InetSocketAddress(EnginePair.B, 500),
            datagram);
        responder.doWork();
        assertTrue(REPLY[0] <= datagram.length, "answered " + datagram.length + " bytes with " + REPLY[0]);
        assertTrue(responder.halfOpenCount() <= EnginePair.TIMING.maxHalfOpen(), "half-open " + responder.halfOpenCount());
        assertTrue(responder.sessions().size() <= EnginePair.TIMING.maxHalfOpen(), "sessions " + responder.sessions().size());
    }

    @Provide
    Arbitrary<Integer> ports() {
        return Arbitraries.integers().between(1024, 65535);
    }

    private static byte[] flip(final byte[] s, final List<Integer> bits) {
        for (final int bit : bits) {
            s[bit / 8] ^= (byte) (1 << (bit % 8));
        }
        return s;
    }

    private static byte[] splice(final byte[] s, final int at, final byte[] junk) {
        final byte[] out = Arrays.copyOf(s, at + junk.length);
        System.arraycopy(junk, 0, out, at, junk.length);
        return out;
    }
}
