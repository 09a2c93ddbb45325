package io.xgate.controlplane.ike.sa;

import java.net.InetSocketAddress;

/**
 * Our one outstanding request (a message-ID window of 1): its bytes, where they went, how often they were sent
 * and when the next attempt is due. Retransmissions are byte-identical (RFC 7296 §2.1).
 */
public final class Retransmission {
    private final RetransmitPolicy policy;
    private byte[] request;
    private long messageId;
    private InetSocketAddress from;
    private InetSocketAddress to;
    private int sent;
    private long dueNanos;

    public Retransmission(final RetransmitPolicy policy) {
        this.policy = policy;
    }

    /** A new request was sent for the first time. */
    public void started(final long id, final byte[] datagram, final InetSocketAddress source,
                        final InetSocketAddress destination, final long nowNanos) {
        request = datagram;
        messageId = id;
        from = source;
        to = destination;
        sent = 1;
        dueNanos = nowNanos + policy.waitAfter(1);
    }

    public boolean outstanding() {
        return request != null;
    }

    public long messageId() {
        return messageId;
    }

    /** The answer arrived. */
    public void answered() {
        request = null;
    }

    public enum Due { NOTHING, RESEND, GIVE_UP }

    public Due check(final long nowNanos) {
        if (request == null || nowNanos - dueNanos < 0) {
            return Due.NOTHING;
        }
        return sent > policy.maxRetransmits() ? Due.GIVE_UP : Due.RESEND;
    }

    /** Counts a resend and schedules the next check; returns what to send. */
    public byte[] resend(final long nowNanos) {
        sent++;
        dueNanos = nowNanos + policy.waitAfter(sent);
        return request;
    }

    public int sent() {
        return sent;
    }

    public InetSocketAddress from() {
        return from;
    }

    public InetSocketAddress to() {
        return to;
    }
}
