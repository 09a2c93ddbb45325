package io.xgate.dataplane.sa;

import io.xgate.dataplane.counters.TrafficCounters;
import io.xgate.dataplane.crypto.CryptoProvider;
import io.xgate.dataplane.replay.ReplayWindow;

/** The receiving half of an SA: anti-replay window and the selectors decapsulated packets must match. */
public final class InboundSa extends SecurityAssociation {
    private final ReplayWindow window;

    public InboundSa(final SaSpec spec, final CryptoProvider crypto, final TrafficCounters counters,
                     final Tunnel tunnel) {
        super(spec, crypto, counters, tunnel);
        this.window = new ReplayWindow(spec.replayWindow(), spec.esn(), spec.antiReplay());
    }

    public ReplayWindow window() {
        return window;
    }

    public boolean admits(final int family, final long srcHi, final long srcLo, final long dstHi, final long dstLo,
                          final int protocol, final int srcPort, final int dstPort) {
        final TrafficSelector[] s = selectorArray();
        for (int i = 0; i < s.length; i++) {
            if (s[i].matchesInbound(family, srcHi, srcLo, dstHi, dstLo, protocol, srcPort, dstPort)) {
                return true;
            }
        }
        return false;
    }
}
