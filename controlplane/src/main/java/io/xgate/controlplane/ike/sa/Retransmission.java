package io.xgate.controlplane.ike.sa;

import java.net.InetSocketAddress;
import java.util.List;

/**
 * Our one outstanding request (a message-ID window of 1): its datagrams (one, or every SKF fragment of it), where
 * they went, how often they were sent and when the next attempt is due. Retransmissions are byte-identical (RFC 7296
 * §2.1) and repeat every fragment (RFC 7383 §2.6).
 */
public final class Retransmission {
    private final RetransmitPolicy policy;
    private List<byte[]> request;
    private long messageId;
    private InetSocketAddress from;
    private InetSocketAddress to;
    private int sent;
    private long dueNanos;

    public Retransmission(final RetransmitPolicy policy) {
        this.policy = policy;
    }

    /** A new request was sent for the first time. */
    public void started(final long id, final List<byte[]> datagrams, final InetSocketAddress source,
                        final InetSocketAddress destination, final long nowNanos) {
        request = List.copyOf(datagrams);
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
    public List<byte[]> resend(final long nowNanos) {
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
