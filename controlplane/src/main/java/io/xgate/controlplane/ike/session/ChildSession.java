package io.xgate.controlplane.ike.session;

import io.xgate.controlplane.ike.policy.ChildPolicy;
import io.xgate.controlplane.ike.sa.ChildSaRecord;

/**
 * The state machine of one child SA pair: created by an IKE_AUTH or CREATE_CHILD_SA exchange, {@code INSTALLED}
 * once the data plane has it, {@code DELETE_CHILD_LOCAL_INFO} while our delete is in flight, then {@code DELETED}.
 */
final class ChildSession {
    enum State { INSTALLED, DELETE_CHILD_LOCAL_INFO, DELETED }

    private final ChildPolicy policy;
    private final ChildSaRecord sa;
    private final EstablishedChild established;
    private State state = State.INSTALLED;

    ChildSession(final ChildPolicy policy, final ChildSaRecord sa, final EstablishedChild established) {
        this.policy = policy;
        this.sa = sa;
        this.established = established;
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

    State state() {
        return state;
    }

    void deleting() {
        if (state == State.INSTALLED) {
            state = State.DELETE_CHILD_LOCAL_INFO;
        }
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
