package io.xgate.controlplane.ike.policy;

import io.xgate.controlplane.ike.crypto.Prf;
import io.xgate.controlplane.ike.payload.AuthPayload;
import io.xgate.controlplane.ike.wire.Bytes;

/**
 * How one side proves itself in IKE_AUTH (RFC 7296 §2.15): it signs its own signed octets and checks the peer's.
 * Pre-shared keys now; certificates (RFC 7427 signatures, {@code ike.crypto.SignatureAuthentication}) plug in here.
 */
public interface Authenticator {

    AuthPayload sign(Prf prf, Bytes signedOctets);

    boolean verify(Prf prf, Bytes signedOctets, AuthPayload auth);

    /** What an admin checks when verification fails, e.g. {@code pre-shared key}. */
    String describe();
}
