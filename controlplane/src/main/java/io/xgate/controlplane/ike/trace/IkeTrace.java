package io.xgate.controlplane.ike.trace;

import io.xgate.controlplane.ike.message.IkeMessage;
import io.xgate.controlplane.ike.payload.IkePayload;
import java.net.InetSocketAddress;
import java.util.List;

/**
 * What one gateway's IKE does, for the admin's {@code debug ike gateway G on}: every message in and out and every
 * decision, one line each. Sessions ask {@link IkeTracing#of} for theirs; a gateway not traced gets {@link #OFF},
 * whose methods do nothing, so callers hand over what they already hold and an untraced negotiation builds nothing.
 * Lines carry names, numbers and SPIs only: never keys, nonces, key-exchange values, AUTH data or pre-shared keys.
 */
public interface IkeTrace {
    IkeTrace OFF = new IkeTrace() {
        @Override
        public boolean on() {
            return false;
        }

        @Override
        public void sent(final byte[] datagram, final List<? extends IkePayload> payloads,
                         final InetSocketAddress local, final InetSocketAddress peer) {
        }

        @Override
        public void retransmitted(final byte[] datagram, final InetSocketAddress local, final InetSocketAddress peer,
                                  final int transmission) {
        }

        @Override
        public void reanswered(final byte[] datagram, final InetSocketAddress local, final InetSocketAddress peer) {
        }

        @Override
        public void received(final IkeMessage message, final int size, final InetSocketAddress local,
                             final InetSocketAddress peer) {
        }

        @Override
        public void decision(final String event, final String result, final Object detail) {
        }
    };

    /** Whether lines are written: a caller that must build a detail only for the trace asks first. */
    boolean on();

    /**
     * A message sent for the first time; {@code payloads} are what it carries (inside the SK payload when
     * encrypted), its header is read from {@code datagram}.
     */
    void sent(byte[] datagram, List<? extends IkePayload> payloads, InetSocketAddress local, InetSocketAddress peer);

    /** A request of ours sent again, unanswered so far; {@code transmission} counts from 1 (the first send). */
    void retransmitted(byte[] datagram, InetSocketAddress local, InetSocketAddress peer, int transmission);

    /** Our cached answer sent again to a request the peer repeated. */
    void reanswered(byte[] datagram, InetSocketAddress local, InetSocketAddress peer);

    /** A message that decoded (and, when protected, authenticated); {@code size} is its datagram's. */
    void received(IkeMessage message, int size, InetSocketAddress local, InetSocketAddress peer);

    /**
     * A decision: {@code event} names what was decided ({@code proposal}, {@code ts}, {@code auth}, {@code nat},
     * {@code child-sa}, {@code rekey}, {@code dpd}, ...), {@code result} the outcome in a word ({@code chosen},
     * {@code rejected}, {@code installed}, ...), {@code detail} the particulars: turned into text only when on.
     */
    void decision(String event, String result, Object detail);
}
