package io.xgate.controlplane.ike.sa;

import io.xgate.controlplane.ike.crypto.Encryption;
import io.xgate.controlplane.ike.crypto.EncryptionTransform;
import io.xgate.controlplane.ike.crypto.IkeKeyDerivation;
import io.xgate.controlplane.ike.crypto.IkeSuite;
import io.xgate.controlplane.ike.crypto.IntegrityTransform;
import io.xgate.controlplane.ike.crypto.KeyExchangeGroup;
import io.xgate.controlplane.ike.crypto.KeyMaterial;
import io.xgate.controlplane.ike.crypto.Prf;
import io.xgate.controlplane.ike.crypto.SkKeys;
import io.xgate.controlplane.ike.message.ExchangeType;
import io.xgate.controlplane.ike.message.IkeDecodeResult;
import io.xgate.controlplane.ike.message.IkeHeader;
import io.xgate.controlplane.ike.message.IkeMessage;
import io.xgate.controlplane.ike.payload.VendorIdPayload;
import io.xgate.controlplane.ike.wire.Bytes;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reassembly of authenticated SKF fragments: any order, duplicates, stale and oversized messages, retries. */
class FragmentReassemblyTest {
    static final long TIMEOUT = 30_000_000_000L;
    static final SecureRandom RANDOM = new SecureRandom();
    private static final IkeSuite SUITE = new IkeSuite(new Encryption(EncryptionTransform.AES_CBC, 128), Prf.HMAC_SHA2_256,
        IntegrityTransform.HMAC_SHA2_256_128, KeyExchangeGroup.ECP_256);
    static final SkKeys KEYS = SkKeys.of(SUITE, IkeKeyDerivation.derive(SUITE,
        KeyMaterial.copyOf(new byte[32]), Bytes.of(new byte[32]), Bytes.of(new byte[32]), 1, 2));

    private final FragmentReassembly reassembly = new FragmentReassembly(TIMEOUT);

    @Test
    void everyOrderOfFourFragmentsGivesTheMessage() {
        final IkeMessage message = message(1, 400);
        final List<IkeDecodeResult.Fragment> fragments = fragments(message, 180);
        assertEquals(4, fragments.size());
        for (final List<Integer> order : permutations(List.of(0, 1, 2, 3))) {
            for (int i = 0; i < 3; i++) {
                assertEquals(new FragmentReassembly.Outcome.Waiting(i + 1, 4), reassembly.add(fragments.get(order.get(i)), 0));
            }
            assertEquals(new FragmentReassembly.Outcome.Complete(new IkeDecodeResult.Ok(message)),
                reassembly.add(fragments.get(order.get(3)), 0), order.toString());
            assertFalse(reassembly.collecting(), "nothing kept once joined");
        }
    }

    @Test
    void aDuplicateIsDroppedAndTheMessageStillCompletes() {
        final IkeMessage message = message(1, 400);
        final List<IkeDecodeResult.Fragment> fragments = fragments(message, 180);
        reassembly.add(fragments.get(0), 0);
        assertEquals(new FragmentReassembly.Outcome.Dropped("fragment 1 of 4 again"), reassembly.add(fragments.get(0), 0));
        // A retransmission is encrypted anew (other IV) but is the same fragment: dropped too.
        assertInstanceOf(FragmentReassembly.Outcome.Dropped.class, reassembly.add(fragments(message, 180).get(0), 0));
        reassembly.add(fragments.get(1), 0);
        reassembly.add(fragments.get(2), 0);
        assertEquals(new FragmentReassembly.Outcome.Complete(new IkeDecodeResult.Ok(message)),
            reassembly.add(fragments.get(3), 0));
    }

    @Test
    void aMessageMissingAFragmentIsForgottenAfterTheTimeout() {
        final List<IkeDecodeResult.Fragment> fragments = fragments(message(1, 400), 180);
        reassembly.add(fragments.get(0), 0);
        reassembly.add(fragments.get(1), 0);
        reassembly.add(fragments.get(2), 0);
        assertFalse(reassembly.expire(TIMEOUT));
        assertTrue(reassembly.expire(TIMEOUT + 1));
        assertFalse(reassembly.collecting());
        assertEquals(new FragmentReassembly.Outcome.Waiting(1, 4), reassembly.add(fragments.get(3), TIMEOUT + 2),
            "the late fragment starts over");
    }

    @Test
    void aStaleMessageIsReplacedByTheNextFragmentAfterTheTimeout() {
        final List<IkeDecodeResult.Fragment> fragments = fragments(message(1, 400), 180);
        reassembly.add(fragments.get(0), 0);
        assertEquals(new FragmentReassembly.Outcome.Waiting(1, 4), reassembly.add(fragments.get(1), TIMEOUT + 1));
    }

    @Test
    void aFragmentWithABadIcvNeverReachesTheReassemblyAndTheGenuineOneCompletesIt() {
        final IkeMessage message = message(1, 400);
        final List<byte[]> datagrams = message.encodeFragments(KEYS, RANDOM, 180);
        final byte[] forged = datagrams.get(2).clone();
        forged[forged.length - 1] ^= 1;
        assertInstanceOf(IkeDecodeResult.UnprotectedError.class, IkeMessage.decode(forged, KEYS),
            "each fragment is authenticated on its own, before it could be stored");
        FragmentReassembly.Outcome last = null;
        for (final byte[] datagram : datagrams) {
            last = reassembly.add(fragment(datagram), 0);
        }
        assertEquals(new FragmentReassembly.Outcome.Complete(new IkeDecodeResult.Ok(message)), last);
    }

    @Test
    void moreThanSixtyFourFragmentsAreRefused() {
        final List<IkeDecodeResult.Fragment> fragments = fragments(message(1, 70 * 90), 120);
        assertTrue(fragments.size() > FragmentReassembly.MAX_FRAGMENTS, fragments.size() + " fragments");
        assertEquals(new FragmentReassembly.Outcome.Dropped("fragment 1 of " + fragments.size() + ": more than 64"),
            reassembly.add(fragments.getFirst(), 0));
        assertFalse(reassembly.collecting());
    }

    @Test
    void aMessageOverSixtyFourKibibytesIsDroppedWhole() {
        final IkeMessage huge = IkeMessage.protectedBySk(header(1), List.of(new VendorIdPayload(Bytes.of(new byte[40_000])),
            new VendorIdPayload(Bytes.of(new byte[40_000]))));
        final List<IkeDecodeResult.Fragment> fragments = fragments(huge, 1_400);
        assertTrue(fragments.size() <= FragmentReassembly.MAX_FRAGMENTS, fragments.size() + " fragments");
        FragmentReassembly.Outcome outcome = null;
        int added = 0;
        while (!(outcome instanceof FragmentReassembly.Outcome.Dropped)) {
            outcome = reassembly.add(fragments.get(added++), 0);
        }
        assertEquals(new FragmentReassembly.Outcome.Dropped("message #1 over 65536 bytes: all its fragments dropped"),
            outcome);
        assertTrue(added > 40 && added < fragments.size(), "dropped at fragment " + added);
        assertFalse(reassembly.collecting());
    }

    @Test
    void smallerFragmentsOfTheSameMessageStartOverAndLargerOnesAreThenDropped() {
        final IkeMessage message = message(1, 400);
        final List<IkeDecodeResult.Fragment> large = fragments(message, 300);
        final List<IkeDecodeResult.Fragment> small = fragments(message, 180);
        assertTrue(large.size() < small.size());
        reassembly.add(large.getFirst(), 0);
        FragmentReassembly.Outcome last = null;
        for (int i = 0; i < small.size() - 1; i++) {
            last = reassembly.add(small.get(i), 0);
        }
        assertEquals(new FragmentReassembly.Outcome.Waiting(small.size() - 1, small.size()), last);
        assertEquals(new FragmentReassembly.Outcome.Dropped("fragment 2 of " + large.size() + " after fragments of "
            + small.size()), reassembly.add(large.get(1), 0));
        assertEquals(new FragmentReassembly.Outcome.Complete(new IkeDecodeResult.Ok(message)),
            reassembly.add(small.getLast(), 0));
    }

    @Test
    void aFragmentOfTheNextMessageAbandonsThePreviousOne() {
        final List<IkeDecodeResult.Fragment> first = fragments(message(1, 400), 180);
        final IkeMessage next = message(2, 400);
        final List<IkeDecodeResult.Fragment> second = fragments(next, 180);
        reassembly.add(first.get(0), 0);
        reassembly.add(first.get(1), 0);
        FragmentReassembly.Outcome last = null;
        for (final IkeDecodeResult.Fragment fragment : second) {
            last = reassembly.add(fragment, 0);
        }
        assertEquals(new FragmentReassembly.Outcome.Complete(new IkeDecodeResult.Ok(next)), last);
    }

    private static IkeHeader header(final long messageId) {
        return IkeHeader.of(0x1122334455667788L, 0x99aabbccddeeff00L, ExchangeType.IKE_AUTH, true, false, messageId);
    }

    /** A protected request whose inner payloads take about {@code bytes} bytes. */
    static IkeMessage message(final long messageId, final int bytes) {
        final byte[] data = new byte[bytes - 4];
        RANDOM.nextBytes(data);
        return IkeMessage.protectedBySk(header(messageId), List.of(new VendorIdPayload(Bytes.of(data))));
    }

    private static List<IkeDecodeResult.Fragment> fragments(final IkeMessage message, final int maxDatagram) {
        return message.encodeFragments(KEYS, RANDOM, maxDatagram).stream().map(FragmentReassemblyTest::fragment).toList();
    }

    private static IkeDecodeResult.Fragment fragment(final byte[] datagram) {
        return assertInstanceOf(IkeDecodeResult.Fragment.class, IkeMessage.decode(datagram, KEYS));
    }

    private static List<List<Integer>> permutations(final List<Integer> items) {
        if (items.isEmpty()) {
            return List.of(List.of());
        }
        final List<List<Integer>> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            final List<Integer> rest = new ArrayList<>(items);
            final Integer head = rest.remove(i);
            for (final List<Integer> tail : permutations(rest)) {
                final List<Integer> permutation = new ArrayList<>(List.of(head));
                permutation.addAll(tail);
                out.add(permutation);
            }
        }
        return out;
    }
}
