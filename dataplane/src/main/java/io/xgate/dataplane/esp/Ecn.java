package io.xgate.dataplane.esp;

/**
 * ECN across the tunnel per RFC 6040 (normal mode), on the TOS / traffic-class byte.
 * Codepoints: 00 Not-ECT, 01 ECT(1), 10 ECT(0), 11 CE.
 */
public final class Ecn {
    public static final int NOT_ECT = 0;
    public static final int ECT1 = 1;
    public static final int ECT0 = 2;
    public static final int CE = 3;
    /** Result of {@link #decapsulate} when the packet must be dropped (outer CE over inner Not-ECT). */
    public static final int DROP = -1;

    private Ecn() {
    }

    /**
     * Outer TOS for an inner TOS. With copy-tos off the outer header says nothing (DSCP 0, Not-ECT, RFC 6040's
     * compatibility mode); with it on, DSCP is copied and ECN copied except CE, which becomes ECT(0) (§4.1).
     */
    public static int encapsulate(final int innerTos, final boolean copyTos) {
        if (!copyTos) {
            return 0;
        }
        final int ecn = innerTos & 3;
        return (innerTos & 0xFC) | (ecn == CE ? ECT0 : ecn);
    }

    /** New inner TOS after decapsulation (RFC 6040 §4.2, Figure 4), or {@link #DROP}. DSCP stays the inner one. */
    public static int decapsulate(final int innerTos, final int outerTos) {
        final int inner = innerTos & 3;
        final int outer = outerTos & 3;
        final int result;
        if (inner == NOT_ECT) {
            if (outer == CE) {
                return DROP;
            }
            result = NOT_ECT;
        } else if (inner == CE || outer == CE) {
            result = CE;
        } else if (outer == ECT1) {
            result = ECT1;
        } else {
            result = inner;
        }
        return (innerTos & 0xFC) | result;
    }
}
