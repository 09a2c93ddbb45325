package io.xgate.controlplane.ike.sa;

import io.xgate.controlplane.ike.message.IkeDecodeResult;
import io.xgate.controlplane.ike.message.IkeMessage;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fragments of two consecutive messages in any order, repeated, lost or forged (one bit flipped): whatever the
 * reassembly completes is exactly the message sent under that ID, and the next message still gets through whole.
 */
class FragmentReassemblyProperties {

    /** One datagram on the wire: which message, which of its fragments, and whether an attacker flipped a bit. */
    record Delivery(int message, int fragment, int flippedBit) {
    }

    @Provide
    Arbitrary<List<Delivery>> deliveries() {
        return Combinators.combine(Arbitraries.integers().between(0, 1), Arbitraries.integers().between(0, 63),
                Arbitraries.oneOf(Arbitraries.just(-1), Arbitraries.integers().between(0, 8 * 150 - 1)))
            .as(Delivery::new).list().ofMaxSize(40);
    }

    @Property(tries = 300)
    void onlyTheSentMessagesComeOut(@ForAll("deliveries") final List<Delivery> deliveries,
                                    @ForAll @IntRange(min = 150, max = 400) final int fragmentSize) {
        final List<IkeMessage> messages = List.of(FragmentReassemblyTest.message(1, 900),
            FragmentReassemblyTest.message(2, 700));
        final List<List<byte[]>> wire = messages.stream()
            .map(m -> m.encodeFragments(FragmentReassemblyTest.KEYS, FragmentReassemblyTest.RANDOM, fragmentSize))
            .toList();
        final FragmentReassembly reassembly = new FragmentReassembly(FragmentReassemblyTest.TIMEOUT);
        for (final Delivery d : deliveries) {
            final List<byte[]> fragments = wire.get(d.message());
            final byte[] datagram = fragments.get(d.fragment() % fragments.size()).clone();
            if (d.flippedBit() >= 0) {
                datagram[d.flippedBit() / 8 % datagram.length] ^= (byte) (1 << d.flippedBit() % 8);
            }
            if (IkeMessage.decode(datagram, FragmentReassemblyTest.KEYS) instanceof IkeDecodeResult.Fragment f
                && reassembly.add(f, 0) instanceof FragmentReassembly.Outcome.Complete done) {
                assertEquals(new IkeDecodeResult.Ok(messages.get((int) f.header().messageId() - 1)), done.message());
            }
        }
        final List<FragmentReassembly.Outcome> last = new ArrayList<>();
        for (final byte[] datagram : wire.get(1)) {
            last.add(reassembly.add((IkeDecodeResult.Fragment) IkeMessage.decode(datagram, FragmentReassemblyTest.KEYS), 0));
        }
        assertTrue(last.contains(new FragmentReassembly.Outcome.Complete(new IkeDecodeResult.Ok(messages.get(1)))),
            last.toString());
    }
}
