package io.xgate.controlplane.ike.policy;

import io.xgate.controlplane.config.Secret;
import io.xgate.controlplane.ike.crypto.Prf;
import io.xgate.controlplane.ike.crypto.PskAuthentication;
import io.xgate.controlplane.ike.payload.AuthPayload;
import io.xgate.controlplane.ike.wire.Bytes;

/** Shared Key MIC both ways with the gateway's {@code pre-shared-key}. */
public record PskAuthenticator(Secret key) implements Authenticator {

    @Override
    public AuthPayload sign(final Prf prf, final Bytes signedOctets) {
        return PskAuthentication.sign(prf, key, signedOctets);
    }

    @Override
    public boolean verify(final Prf prf, final Bytes signedOctets, final AuthPayload auth) {
        return PskAuthentication.verify(prf, key, signedOctets, auth);
    }

    @Override
    public String describe() {
        return "pre-shared key";
    }

    @Override
    public String toString() {
        return "PskAuthenticator[" + Secret.REDACTED + "]";
    }
}
