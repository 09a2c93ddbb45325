package io.xgate.dataplane.esp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class EcnTest {
    private static final int NOT = Ecn.NOT_ECT;
    private static final int E0 = Ecn.ECT0;
    private static final int E1 = Ecn.ECT1;
    private static final int CE = Ecn.CE;

    @Test
    void encapsulationCopiesDscpAndEcnButNeverCe() {
        assertEquals(0x28 | E0, Ecn.encapsulate(0x28 | E0, true));
        assertEquals(0x28 | E1, Ecn.encapsulate(0x28 | E1, true));
        assertEquals(0xB8 | E0, Ecn.encapsulate(0xB8 | CE, true), "CE becomes ECT(0) (RFC 6040 §4.1 normal mode)");
        assertEquals(0, Ecn.encapsulate(0xB8 | CE, false), "copy-tos off: nothing leaks to the outer header");
    }

    /** RFC 6040 Figure 4, every cell: rows inner, columns outer Not-ECT, ECT(0), ECT(1), CE. */
    @Test
    void decapsulationFollowsRfc6040Figure4() {
        final int[] outers = {NOT, E0, E1, CE};
        final int[][] expected = {
            {NOT, NOT, NOT, Ecn.DROP},  // inner Not-ECT
            {E0, E0, E1, CE},           // inner ECT(0)
            {E1, E1, E1, CE},           // inner ECT(1)
            {CE, CE, CE, CE},           // inner CE
        };
        final int[] inners = {NOT, E0, E1, CE};
        for (int i = 0; i < inners.length; i++) {
            for (int o = 0; o < outers.length; o++) {
                final int result = Ecn.decapsulate(0x28 | inners[i], 0xB8 | outers[o]);
                final int want = expected[i][o] == Ecn.DROP ? Ecn.DROP : 0x28 | expected[i][o];
                assertEquals(want, result, "inner " + inners[i] + " outer " + outers[o] + " (inner DSCP kept)");
            }
        }
    }
}
