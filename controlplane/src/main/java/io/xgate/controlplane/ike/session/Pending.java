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

    /** A new child SA, or the successor of {@code rekeyed} (CREATE_CHILD_SA with N(REKEY_SA)). */
    record CreateChild(ChildPolicy child, int inboundSpi, List<Proposal> offered, Bytes ni, Optional<KeyExchange> ke,
                       Optional<ChildSession> rekeyed) implements Pending {
    }

    /** A new IKE SA with our SPI {@code spi} to replace this one (RFC 7296 §1.3.2). */
    record RekeyIke(long spi, List<Proposal> offered, Bytes ni, KeyExchange ke) implements Pending {
    }

    record DeleteChild(ChildSession child, String reason) implements Pending {
    }

    record DeleteIke(String reason) implements Pending {
    }

    enum Liveness implements Pending {
        INSTANCE
    }
}
