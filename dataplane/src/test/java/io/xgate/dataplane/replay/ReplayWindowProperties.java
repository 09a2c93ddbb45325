package io.xgate.dataplane.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.LongRange;

class ReplayWindowProperties {
    private static final long SUBSPACE = 1L << 32;

    /** A packet whose true sequence number is {@code offset} from the highest accepted when it arrives. */
    record Packet(long offset, boolean icvGood) {}

    record Scenario(int size, boolean esn, boolean antiReplay, long start, List<Packet> packets) {}

    @Property(tries = 1000)
    void sameVerdictAsReferenceModel(@ForAll("scenarios") final Scenario scenario) {
        final ReplayWindow window = new ReplayWindow(scenario.size(), scenario.esn(), scenario.antiReplay());
        final ReferenceWindow model = new ReferenceWindow(scenario.size(), scenario.antiReplay());
        // Placing the window directly stands for the traffic that brought the SA there.
        if (scenario.start() > 0) {
            window.accept(scenario.start());
            model.accept(scenario.start());
        }

        for (final Packet packet : scenario.packets()) {
            final long seq = trueSequence(scenario, model.highest() + packet.offset());
            final long expected = model.verdict(seq);
            final long checked = window.check((int) seq);
            final boolean inferable = inferable(scenario, window, seq);
            if (inferable) {
                assertEquals(expected, checked, () -> "check of " + Long.toHexString(seq));
            } else {
                assertNotEquals(seq, checked, "an ESN number older than the window cannot be inferred");
            }
            // The ICV covers the ESN high half, so a wrongly inferred one fails it like a bad ICV.
            final boolean icvVerified = packet.icvGood() && checked == seq;
            if (checked >= 0 && icvVerified) {
                assertTrue(window.accept(checked), "single-threaded, a checked number stays acceptable");
                model.accept(seq);
            }
            assertEquals(packet.icvGood() && inferable && expected >= 0, checked >= 0 && icvVerified, "delivered");
            assertEquals(model.highest(), window.highest());
        }
        assertEquals(model.lost(), window.lost());
        assertEquals(0, window.lateRejects());
    }

    @Property(tries = 2000)
    void esnInferenceFindsTheTrueNumberInsideTheWindowOrLessThan2To31Ahead(
        @ForAll("sizes") final int size,
        @ForAll @LongRange(min = 1, max = Long.MAX_VALUE / 2) final long highest,
        @ForAll("esnDistances") final long ahead) {
        final long seq = Math.max(1, highest + Math.max(ahead, 1 - size));
        final ReplayWindow window = new ReplayWindow(size, true, true);
        window.accept(highest);
        final long checked = window.check((int) seq);
        assertEquals(seq == highest ? ReplayWindow.DUPLICATE : seq, checked);
    }

    private static long trueSequence(final Scenario scenario, final long wanted) {
        final long max = scenario.esn() ? Long.MAX_VALUE : SUBSPACE - 1;
        return Math.clamp(wanted, 0, max);
    }

    /** RFC 4303 A2.2 recovers exactly the numbers in [bottom, bottom + 2^32); without ESN all of them. */
    private static boolean inferable(final Scenario scenario, final ReplayWindow window, final long seq) {
        final long bottom = Math.max(0, window.highest() - window.size() + 1);
        return !scenario.esn() || (seq >= bottom && seq - bottom < SUBSPACE);
    }

    @Provide
    Arbitrary<Integer> sizes() {
        return Arbitraries.integers().between(6, 16).map(exponent -> 1 << exponent);
    }

    @Provide
    Arbitrary<Long> esnDistances() {
        return Arbitraries.oneOf(
            Arbitraries.longs().between(-ReplayWindow.MAX_SIZE, 2 * ReplayWindow.MAX_SIZE),
            Arbitraries.longs().between(-ReplayWindow.MAX_SIZE, (1L << 31) - 1));
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        return sizes().flatMap(size -> Combinators.combine(
                Arbitraries.of(true, false), Arbitraries.of(true, false), starts(), packets(size))
            .as(Tuple::of)
            .map(t -> new Scenario(size, t.get1(), t.get2(), t.get1() ? t.get3() : t.get3() % SUBSPACE,
                t.get4())));
    }

    private static Arbitrary<Long> starts() {
        final Arbitrary<Long> beforeAWrap = Combinators.combine(
                Arbitraries.longs().between(1, 3), Arbitraries.longs().between(1, 2L * ReplayWindow.MAX_SIZE))
            .as((subspace, before) -> subspace * SUBSPACE - before);
        return Arbitraries.frequencyOf(
            Tuple.of(2, Arbitraries.just(0L)),
            Tuple.of(3, Arbitraries.longs().between(0, 4 * SUBSPACE)),
            Tuple.of(3, beforeAWrap));
    }

    private static Arbitrary<List<Packet>> packets(final int size) {
        final Arbitrary<Long> offsets = Arbitraries.frequencyOf(
            Tuple.of(6, Arbitraries.longs().between(-size - 70, 70)),
            Tuple.of(2, Arbitraries.longs().between(1, 3L * size)),
            Tuple.of(1, Arbitraries.longs().between(-2 * SUBSPACE, -size)),
            Tuple.of(1, Arbitraries.longs().between(1, SUBSPACE)),
            Tuple.of(1, Arbitraries.just(0L)));
        final Arbitrary<Boolean> icvGood = Arbitraries.frequency(Tuple.of(9, true), Tuple.of(1, false));
        return Combinators.combine(offsets, icvGood).as(Packet::new).list().ofMaxSize(300);
    }
}
