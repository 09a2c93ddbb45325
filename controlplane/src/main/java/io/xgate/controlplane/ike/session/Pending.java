package io.xgate.controlplane.ike.session;

import io.xgate.controlplane.ike.crypto.KeyExchange;
import io.xgate.controlplane.ike.payload.IdPayload;
import io.xgate.controlplane.ike.payload.Proposal;
import io.xgate.controlplane.ike.policy.ChildPolicy;
import io.xgate.controlplane.ike.wire.Bytes;

import java.util.List;
import java.util.Optional;

/** What our outstanding request needs to process its response; one per kind of exchange we start. */
sealed interface Pending {

    /** {@code request} is the IKE_SA_INIT as sent: AUTH covers it. {@code rounds} counts COOKIE/INVALID_KE retries. */
    record Init(KeyExchange ke, Bytes ni, List<Proposal> proposals, Optional<Bytes> cookie, byte[] request, int rounds)
            implements Pending {
    }

    record Auth(ChildPolicy child, int inboundSpi, List<Proposal> offered, IdPayload ourId) implements Pending {
    }

    record CreateChild(ChildPolicy child, int inboundSpi, List<Proposal> offered, Bytes ni, Optional<KeyExchange> ke)
            implements Pending {
    }

    record DeleteChild(ChildSession child, String reason) implements Pending {
    }

    record DeleteIke(String reason) implements Pending {
    }

    enum Liveness implements Pending {
        INSTANCE
    }
}
