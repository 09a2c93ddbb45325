package io.xgate.controlplane.ike.crypto;

import io.xgate.controlplane.ike.payload.IdPayload;
import io.xgate.controlplane.ike.wire.Bytes;

/**
 * The octets an AUTH payload covers (RFC 7296 §2.15). For the initiator: RealMessage1 | NonceRData |
 * prf(SK_pi, RestOfInitIDPayload); for the responder: RealMessage2 | NonceIData | prf(SK_pr, RestOfRespIDPayload).
 * So each side passes its own first message, the other side's nonce, its own SK_p and its own ID payload.
 */
public final class SignedOctets {
    private SignedOctets() {
    }

    public static Bytes of(final Bytes ownFirstMessage, final Bytes peerNonce, final Prf prf, final KeyMaterial ownSkP,
                           final IdPayload ownId) {
        final byte[] macedId = prf.compute(ownSkP.bytes(), ownId.restOfPayload().toArray());
        return Bytes.concat(ownFirstMessage, peerNonce, Bytes.of(macedId));
    }
}
