package io.xgate.controlplane.ike.session;

import io.xgate.controlplane.ike.policy.ChildPolicy;

/** Exchanges our side wants to start, queued until the IKE SA has no request of ours outstanding (window of 1). */
sealed interface LocalRequest {

    record CreateChild(ChildPolicy policy) implements LocalRequest {
    }

    record RekeyChild(ChildSession child) implements LocalRequest {
    }

    record DeleteChild(ChildSession child, String reason) implements LocalRequest {
    }

    enum RekeyIke implements LocalRequest {
        INSTANCE
    }

    record DeleteIke(String reason) implements LocalRequest {
    }

    /** An empty INFORMATIONAL (liveness check, PAN-OS's name for DPD). */
    enum Liveness implements LocalRequest {
        INSTANCE
    }

    /** Whether the request concerns child SAs, so it moves with them to a rekeyed IKE SA. */
    default boolean aboutChildren() {
        return this instanceof CreateChild || this instanceof RekeyChild || this instanceof DeleteChild;
    }
}
