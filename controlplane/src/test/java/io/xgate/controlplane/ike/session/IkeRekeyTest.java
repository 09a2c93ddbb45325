package io.xgate.controlplane.ike.session;

import io.xgate.controlplane.ike.message.ExchangeType;
import io.xgate.controlplane.ike.session.RecordingListener.Kind;
import io.xgate.controlplane.ike.session.RecordingListener.Step;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Rekeying between two in-process engines with a test-driven clock: child SAs at their soft lifetime, the IKE SA,
 * and the collisions of RFC 7296 §2.8.1/§2.25 replayed deterministically by moving both engines' clocks past their
 * soft lifetimes in one step (so both send before either hears the other). Every data-plane step of both sides goes
 * into one journal, which must show make-before-break: nobody sends on an SA the peer does not receive on yet, and
 * nobody stops receiving on one the peer still sends on.
 */
class IkeRekeyTest {
    private static final int CREATE = ExchangeType.CREATE_CHILD_SA.value();
    private static final int INFO = ExchangeType.INFORMATIONAL.value();
    private static final String P1_A = "{name: p1, local: 198.18.1.0/24, remote: 198.18.2.0/24}";
    private static final String P1_B = "{name: p1, local: 198.18.2.0/24, remote: 198.18.1.0/24}";
    private static final String IKE_3_MINUTES =
        "{dh-group: [group19], encryption: [aes-256-gcm], hash: [sha256], lifetime: {minutes: 3}}";

    @Test
    void aChildSaIsRekeyedAtItsSoftLifetimeMakeBeforeBreak() {
        final EnginePair pair = new EnginePair(PeerConfig.a().proxyIds(P1_A), PeerConfig.b().proxyIds(P1_B));
        pair.settle();
        int seconds = 0;
        while (count(pair, Kind.OUTBOUND_UP) < 4 && seconds < 3600) {
            pair.advance(1);
            seconds++;
        }
        assertTrue(seconds >= 2880 && seconds <= 3240, "rekeyed 10-20 % before the 1 h hard lifetime, at " + seconds);
        assertEquals(1, pair.wire.sent(CREATE, false).size(), "one CREATE_CHILD_SA with REKEY_SA");
        assertEquals(0, count(pair, Kind.DOWN), "both old inbound SAs still receive during the grace period");
        pair.advance(5);
        assertEquals(2, count(pair, Kind.DOWN), "old inbound SAs gone after the grace period");
        assertMakeBeforeBreak(pair.journal);
        assertSamePair(pair);
        assertEquals(List.of(), pair.a.failures);
        assertEquals(List.of(), pair.b.failures);
    }

    @Test
    void theIkeSaIsRekeyedRepeatedlyAndItsChildrenMoveAndRekeyOnTheNewOne() {
        final EnginePair pair = new EnginePair(PeerConfig.a().proxyIds(P1_A).ike(IKE_3_MINUTES),
            PeerConfig.b().proxyIds(P1_B).ike(IKE_3_MINUTES));
        pair.settle();
        for (int second = 0; second < 3300; second++) {
            pair.advance(1);
        }
        assertTrue(pair.a.ikeRekeyed >= 18 && pair.a.ikeRekeyed == pair.b.ikeRekeyed,
            "about every 150 s: " + pair.a.ikeRekeyed + "/" + pair.b.ikeRekeyed);
        assertEquals(1, pair.engineA.sessions().size(), "old IKE SAs deleted");
        assertEquals(1, pair.engineB.sessions().size());
        assertEquals(pair.engineA.sessions().getFirst().sa().initiatorSpi(),
            pair.engineB.sessions().getFirst().sa().initiatorSpi());
        assertEquals(0, pair.a.ikeDown + pair.b.ikeDown, "a rekey is no outage");
        assertEquals(4, count(pair, Kind.OUTBOUND_UP), "the child SA rekeyed once, under a rekeyed IKE SA");
        assertMakeBeforeBreak(pair.journal);
        assertSamePair(pair);
        assertEquals(List.of(), pair.a.failures);
        assertEquals(List.of(), pair.b.failures);
    }

    @Test
    void simultaneousChildRekeysKeepOnePairChosenByTheNonces() {
        final EnginePair pair = new EnginePair(PeerConfig.a().proxyIds(P1_A), PeerConfig.b().proxyIds(P1_B));
        pair.settle();
        pair.advance(3250);
        assertEquals(2, pair.wire.sent(CREATE, false).size(), "both sides rekeyed at once");
        pair.advance(5);
        assertMakeBeforeBreak(pair.journal);
        assertEquals(4, count(pair, Kind.DOWN), "the old pair and the redundant pair, on both sides");
        assertEquals(1, pair.a.installed().size());
        assertEquals(1, pair.b.installed().size());
        assertSamePair(pair);
        final Set<Integer> redundant = new HashSet<>();
        for (final Step step : pair.journal) {
            if (step.kind() == Kind.INBOUND_UP && pair.journal.stream().noneMatch(s -> s.kind() == Kind.OUTBOUND_UP
                && !s.side().equals(step.side()) && s.spi() == step.spi())) {
                redundant.add(step.spi());
            }
        }
        assertEquals(2, redundant.size(), "exactly one new pair (its two SPIs) was never sent on: " + redundant);
        assertEquals(List.of(), pair.a.failures);
        assertEquals(List.of(), pair.b.failures);
    }

    @Test
    void simultaneousIkeRekeysKeepOneIkeSaWithTheChildren() {
        final EnginePair pair = new EnginePair(PeerConfig.a().proxyIds(P1_A).ike(IKE_3_MINUTES),
            PeerConfig.b().proxyIds(P1_B).ike(IKE_3_MINUTES));
        pair.settle();
        pair.advance(163);
        assertEquals(1, pair.a.ikeRekeyed);
        assertEquals(1, pair.b.ikeRekeyed);
        assertEquals(1, pair.engineA.sessions().size(), "the old and the redundant IKE SA are deleted");
        assertEquals(1, pair.engineB.sessions().size());
        final IkeSession a = pair.engineA.sessions().getFirst();
        final IkeSession b = pair.engineB.sessions().getFirst();
        assertEquals(a.sa().initiatorSpi(), b.sa().initiatorSpi());
        assertEquals(a.sa().responderSpi(), b.sa().responderSpi());
        assertEquals(1, a.childSas().size());
        assertEquals(1, b.childSas().size());
        assertEquals(0, count(pair, Kind.DOWN));
        final int answered = pair.wire.sent(INFO, true).size();
        pair.advance(6);
        assertTrue(pair.wire.sent(INFO, true).size() > answered, "the surviving IKE SA carries liveness checks");
        assertEquals(List.of(), pair.a.failures);
        assertEquals(List.of(), pair.b.failures);
    }

    @Test
    void aDeleteCrossingARekeyWinsAndTheRekeyGetsTemporaryFailure() {
        // B's pair expires (hard, 1 h) at the moment A's passes its soft lifetime (A's is 4000 s): B deletes, A rekeys.
        final EnginePair pair = new EnginePair(PeerConfig.a().proxyIds(P1_A).esp(
            "{esp: {encryption: [aes-128-gcm], authentication: [none]}, dh-group: group19, lifetime: {seconds: 4000}}"),
            PeerConfig.b().proxyIds(P1_B));
        pair.settle();
        pair.advance(3601);
        assertEquals(1, pair.wire.sent(CREATE, false).size(), "A's rekey");
        assertEquals(List.of(), pair.a.installed(), "the delete won on A");
        assertEquals(List.of(), pair.b.installed());
        assertTrue(pair.engineB.sessions().getFirst().established(), "the IKE SA stays");
        assertEquals(List.of(), pair.a.failures, "TEMPORARY_FAILURE is no failure to report");
        assertEquals(List.of(), pair.b.failures);
    }

    @Test
    void aSilencedPeerIsDeclaredDeadAndReconnectedTo() {
        final EnginePair pair = new EnginePair(PeerConfig.a(), PeerConfig.b());
        pair.settle();
        pair.wire.drop(d -> d.from().getAddress().equals(EnginePair.B));
        for (int second = 0; second < 25; second++) {
            pair.advance(1);
        }
        assertEquals(List.of("dead peer: 192.0.2.2 did not answer a liveness check (sent 4 times, dpd interval 5 s): "
            + "IKE SA and its child SAs torn down, reconnecting"), pair.a.failures);
        assertEquals(1, pair.a.ikeDown);
        assertEquals(List.of(), pair.a.installed());
        pair.wire.drop(d -> false);
        pair.advance(10);
        assertEquals(2, pair.a.installed().size(), "reconnected");
    }

    private static long count(final EnginePair pair, final Kind kind) {
        return pair.journal.stream().filter(s -> s.kind() == kind).count();
    }

    /** The newest pair of each side is the same pair, with the same keys. */
    private static void assertSamePair(final EnginePair pair) {
        final RecordingListener.Child ours = pair.a.up.getLast();
        final RecordingListener.Child theirs = pair.b.up.getLast();
        assertEquals(ours.child().sa().outboundSpi(), theirs.child().sa().inboundSpi());
        assertEquals(ours.child().sa().inboundSpi(), theirs.child().sa().outboundSpi());
        assertArrayEquals(ours.outboundKey(), theirs.inboundKey());
        assertArrayEquals(ours.inboundKey(), theirs.outboundKey());
    }

    /**
     * Replays the journal: a rekey's outbound SA may start only when the peer already has the matching inbound SA,
     * and an inbound SA may go only when the peer no longer sends with it.
     */
    private static void assertMakeBeforeBreak(final List<Step> journal) {
        final Map<String, Set<Integer>> receiving = Map.of("A", new HashSet<>(), "B", new HashSet<>());
        final Map<String, Map<String, Integer>> sending = Map.of("A", new HashMap<>(), "B", new HashMap<>());
        for (final Step step : journal) {
            final String peer = step.side().equals("A") ? "B" : "A";
            switch (step.kind()) {
                case INBOUND_UP -> receiving.get(step.side()).add(step.spi());
                case OUTBOUND_UP -> {
                    // The first pair of a proxy ID replaces nothing: only a rekey's switch must wait for the peer.
                    final boolean replaces = sending.get(step.side()).containsKey(step.proxyId());
                    assertTrue(!replaces || receiving.get(peer).contains(step.spi()),
                        step + " before the peer receives: " + journal);
                    sending.get(step.side()).put(step.proxyId(), step.spi());
                }
                case DOWN -> {
                    assertFalse(sending.get(peer).containsValue(step.spi()), step + " while the peer sends: " + journal);
                    receiving.get(step.side()).remove(step.spi());
                }
            }
        }
    }
}
