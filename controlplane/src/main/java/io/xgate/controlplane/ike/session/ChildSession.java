package io.xgate.controlplane.ike.session;

import io.xgate.controlplane.ike.policy.ChildPolicy;
import io.xgate.controlplane.ike.sa.ChildSaRecord;
import io.xgate.controlplane.ike.wire.Bytes;

/**
 * The state machine of one child SA pair, make-before-break (DESIGN §3): its inbound SA is programmed first
 * ({@code INBOUND_ONLY}); the outbound SA is switched to it when the pair is {@code INSTALLED}. A rekey replaces it
 * with a successor ({@code REKEYED}); once deleted, a rekeyed pair keeps its inbound SA for a grace period
 * ({@code RETIRING}) before it is {@code DELETED}. States carry the procedure, who started it and the exchange.
 */
final class ChildSession {
    enum State {
        /** Inbound SA programmed; the outbound waits (a rekey responder waits for the Delete of the old SA). */
        INBOUND_ONLY,
        INSTALLED,
        /** Our CREATE_CHILD_SA with N(REKEY_SA) for this pair is in flight. */
        REKEY_CHILD_LOCAL_CREATE,
        /** Replaced by {@link #successor()}; waits for the Delete (ours or the peer's). */
        REKEYED,
        /** Lost a simultaneous rekey (RFC 7296 §2.8.1): the peer that created it deletes it; it never sends. */
        REDUNDANT,
        DELETE_CHILD_LOCAL_INFO,
        /** Deleted after a rekey: the inbound SA still takes packets in flight until {@link #deadlineNanos()}. */
        RETIRING,
        DELETED
    }

    private final ChildPolicy policy;
    private final ChildSaRecord sa;
    private final EstablishedChild established;
    /** The nonces of the exchange that created this pair, for collision resolution. */
    private final Bytes ni;
    private final Bytes nr;
    private State state = State.INBOUND_ONLY;
    private long rekeyAtNanos = Long.MAX_VALUE;
    private long deadlineNanos = Long.MAX_VALUE;
    private ChildSession successor;
    /** The peer's rekey of this pair, answered while ours was in flight: the other half of a collision. */
    private ChildSession collidingRekey;

    ChildSession(final ChildPolicy policy, final ChildSaRecord sa, final EstablishedChild established, final Bytes ni,
                 final Bytes nr) {
        this.policy = policy;
        this.sa = sa;
        this.established = established;
        this.ni = ni;
        this.nr = nr;
    }

    ChildPolicy policy() {
        return policy;
    }

    ChildSaRecord sa() {
        return sa;
    }

    EstablishedChild established() {
        return established;
    }

    Bytes ni() {
        return ni;
    }

    Bytes nr() {
        return nr;
    }

    State state() {
        return state;
    }

    /** The outbound SA now sends; rekeying is due at {@code rekeyAt}. */
    void installed(final long rekeyAt) {
        state = State.INSTALLED;
        rekeyAtNanos = rekeyAt;
        deadlineNanos = Long.MAX_VALUE;
    }

    /** Inbound only until the outbound switch, at {@code activateBy} at the latest. */
    void awaitActivation(final long activateBy) {
        deadlineNanos = activateBy;
    }

    long rekeyAtNanos() {
        return rekeyAtNanos;
    }

    /** Our rekey failed for a reason that may pass (TEMPORARY_FAILURE, a lost answer): try again at {@code at}. */
    void retryRekeyAt(final long at) {
        if (state == State.REKEY_CHILD_LOCAL_CREATE) {
            state = State.INSTALLED;
        }
        rekeyAtNanos = at;
        collidingRekey = null;
    }

    void rekeying() {
        state = State.REKEY_CHILD_LOCAL_CREATE;
    }

    void rekeyed(final ChildSession next) {
        state = State.REKEYED;
        successor = next;
        collidingRekey = null;
    }

    ChildSession successor() {
        return successor;
    }

    void collidingRekey(final ChildSession theirs) {
        collidingRekey = theirs;
    }

    ChildSession collidingRekey() {
        return collidingRekey;
    }

    void redundant() {
        state = State.REDUNDANT;
        deadlineNanos = Long.MAX_VALUE;
    }

    void deleting() {
        if (state != State.RETIRING && state != State.DELETED) {
            state = State.DELETE_CHILD_LOCAL_INFO;
        }
    }

    void retiring(final long until) {
        state = State.RETIRING;
        deadlineNanos = until;
    }

    /** End of the grace period (RETIRING) or of the wait for the outbound switch (INBOUND_ONLY). */
    long deadlineNanos() {
        return deadlineNanos;
    }

    /** Returns whether this call ended it (so the data plane is told once). */
    boolean deleted() {
        final boolean was = state != State.DELETED;
        state = State.DELETED;
        return was;
    }

    @Override
    public String toString() {
        return sa + " " + state;
    }
}
