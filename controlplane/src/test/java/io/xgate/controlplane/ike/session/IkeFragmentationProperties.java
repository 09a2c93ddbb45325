package io.xgate.controlplane.ike.session;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Two engines fragmenting IKE_AUTH and CREATE_CHILD_SA (200-byte datagrams) over a wire that delivers the SKF datagrams
 * shuffled, some twice, with forged copies (a bit flipped) among them: the IKE SA and both child SAs come up on both
 * sides, without a retransmission and without a failure.
 */
class IkeFragmentationProperties {

    @Property(tries = 40)
    void shuffledRepeatedAndForgedFragmentsStillBringTheSasUp(@ForAll final Random random) {
        final EnginePair pair = new EnginePair(PeerConfig.a().fragmenting(), PeerConfig.b().fragmenting(),
            IkeFragmentationTest.SMALL_FRAGMENTS);
        // SKF datagrams stay on the wire's record only; this test delivers them.
        pair.wire.drop(IkeFragmentationTest::skf);
        int seen = 0;
        for (int round = 0; round < 20; round++) {
            pair.settle();
            final List<FakeWire.Datagram> sent = pair.wire.sent;
            final List<FakeWire.Datagram> deliveries = new ArrayList<>();
            for (final FakeWire.Datagram d : sent.subList(seen, sent.size())) {
                if (IkeFragmentationTest.skf(d)) {
                    deliveries.add(d);
                    if (random.nextInt(3) == 0) {
                        deliveries.add(d);
                    }
                    if (random.nextInt(3) == 0) {
                        final byte[] forged = d.bytes().clone();
                        final int bit = random.nextInt(forged.length * 8);
                        forged[bit / 8] ^= (byte) (1 << bit % 8);
                        deliveries.add(new FakeWire.Datagram(d.from(), d.to(), forged, false));
                    }
                }
            }
            seen = sent.size();
            if (deliveries.isEmpty()) {
                break;
            }
            Collections.shuffle(deliveries, random);
            for (final FakeWire.Datagram d : deliveries) {
                (d.to().getAddress().equals(EnginePair.A) ? pair.engineA : pair.engineB)
                    .onDatagram(d.from(), d.to(), d.bytes());
            }
        }
        assertEquals(List.of(), pair.a.failures);
        assertEquals(List.of(), pair.b.failures);
        assertEquals(2, pair.a.installed().size());
        assertEquals(2, pair.b.installed().size());
    }
}
