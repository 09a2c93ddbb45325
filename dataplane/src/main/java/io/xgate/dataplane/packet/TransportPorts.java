package io.xgate.dataplane.packet;

import java.lang.foreign.MemorySegment;

/** TCP/UDP ports for selector matching; 0 where a packet carries none (other protocols, later fragments). */
public final class TransportPorts {
    public static final int SOURCE = 0;
    public static final int DESTINATION = 2;

    private TransportPorts() {
    }

    public static int of(final MemorySegment m, final int protocol, final long upper, final long end,
                         final boolean fragment, final int which) {
        if (fragment || (protocol != IpProtocol.TCP && protocol != IpProtocol.UDP) || upper + 4 > end) {
            return 0;
        }
        return Wire.u16(m, upper + which);
    }
}
