package io.xgate.dataplane.sa;

import io.xgate.dataplane.counters.TrafficCounters;
import io.xgate.dataplane.crypto.CryptoProvider;
import io.xgate.dataplane.packet.IpAddress;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/** The sending half of an SA: sequence numbers, outer header fields, next hop. */
public final class OutboundSa extends SecurityAssociation {
    private static final long MAX_SEQ_32 = 0xFFFF_FFFFL;
    private static final VarHandle NEXT_SEQ;

    static {
        try {
            NEXT_SEQ = MethodHandles.lookup().findVarHandle(OutboundSa.class, "nextSeq", long.class);
        } catch (final ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final IpAddress local;
    private final IpAddress peer;
    private final int udpSourcePort;
    private final int udpDestinationPort;
    private final boolean copyTos;
    private final boolean copyFlowLabel;
    private final long maxSeq;
    private long nextSeq = 1;
    private int ipId;
    private int egressPort = -1;
    private long nextHopMac;

    public OutboundSa(final SaSpec spec, final CryptoProvider crypto, final TrafficCounters counters,
                      final Tunnel tunnel) {
        super(spec, crypto, counters, tunnel);
        this.local = spec.local();
        this.peer = spec.peer();
        this.udpSourcePort = spec.udpSourcePort();
        this.udpDestinationPort = spec.udpDestinationPort();
        this.copyTos = spec.copyTos();
        this.copyFlowLabel = spec.copyFlowLabel();
        this.maxSeq = spec.esn() ? -1L : MAX_SEQ_32;
        if (local.family() != peer.family()) {
            throw new IllegalArgumentException("local and peer addresses must be of one family");
        }
    }

    /**
     * Takes the next sequence number; 0 once the space is exhausted (RFC 4303 §3.3.3: never cycle), which the
     * caller turns into a seq-exhausted drop and a rekey.
     */
    public long nextSequence() {
        final long seq = nextSeq;
        if (seq == 0 || Long.compareUnsigned(seq, maxSeq) > 0) {
            return 0;
        }
        nextSeq = seq + 1;
        return seq;
    }

    /**
     * The sequence number the next packet will carry, read from another thread ({@code show vpn ipsec-sa}):
     * an opaque read of the worker's plain field, never torn, at most a batch behind.
     */
    public long nextSequenceFromAnotherThread() {
        return (long) NEXT_SEQ.getOpaque(this);
    }

    /** For tests and rekey decisions: the sequence number the next packet will carry. */
    public long peekSequence() {
        return nextSeq;
    }

    /** Starts numbering at {@code seq} (tests of ESN and exhaustion). */
    public void sequence(final long seq) {
        nextSeq = seq;
    }

    public int nextIpId() {
        ipId = (ipId + 1) & 0xFFFF;
        return ipId;
    }

    public boolean selects(final int family, final long srcHi, final long srcLo, final long dstHi, final long dstLo,
                           final int protocol, final int srcPort, final int dstPort) {
        final TrafficSelector[] s = selectorArray();
        for (int i = 0; i < s.length; i++) {
            if (s[i].matchesOutbound(family, srcHi, srcLo, dstHi, dstLo, protocol, srcPort, dstPort)) {
                return true;
            }
        }
        return false;
    }

    public IpAddress local() {
        return local;
    }

    public IpAddress peer() {
        return peer;
    }

    public boolean udpEncapsulated() {
        return udpDestinationPort != 0;
    }

    public int udpSourcePort() {
        return udpSourcePort;
    }

    public int udpDestinationPort() {
        return udpDestinationPort;
    }

    public boolean copyTos() {
        return copyTos;
    }

    public boolean copyFlowLabel() {
        return copyFlowLabel;
    }

    /** Port the encrypted packets leave by, -1 until the control plane resolved the path to the peer. */
    public int egressPort() {
        return egressPort;
    }

    public long nextHopMac() {
        return nextHopMac;
    }

    /** Applied by the worker when the control plane reports the path to the peer. */
    public void nextHop(final int port, final long mac) {
        this.egressPort = port;
        this.nextHopMac = mac;
    }
}
