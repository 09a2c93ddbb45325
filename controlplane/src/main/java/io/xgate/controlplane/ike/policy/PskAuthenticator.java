package io.xgate.controlplane.ike.policy;

import io.xgate.controlplane.config.Secret;
import io.xgate.controlplane.ike.crypto.Prf;
import io.xgate.controlplane.ike.crypto.PskAuthentication;
import io.xgate.controlplane.ike.exchange.Identities;
import io.xgate.controlplane.ike.payload.AuthPayload;
import io.xgate.controlplane.ike.payload.IdPayload;
import io.xgate.controlplane.ike.payload.IkePayload;
import io.xgate.controlplane.ike.payload.Role;
import io.xgate.controlplane.ike.wire.Bytes;

import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;

/** Shared Key MIC both ways with the gateway's {@code pre-shared-key}. */
public record PskAuthenticator(Secret key) implements Authenticator {

    @Override
    public List<IkePayload> initPayloads(final Role role) {
        return List.of();
    }

    @Override
    public List<IkePayload> authPayloads(final Role role) {
        return List.of();
    }

    @Override
    public Optional<IdPayload> defaultId(final Role role) {
        return Optional.empty();
    }

    @Override
    public AuthPayload sign(final Prf prf, final Bytes signedOctets, final List<Integer> peerHashes,
                            final SecureRandom random) {
        return PskAuthentication.sign(prf, key, signedOctets);
    }

    @Override
    public Optional<String> verify(final Prf prf, final Bytes signedOctets, final PeerProof proof) {
        if (PskAuthentication.verify(prf, key, signedOctets, proof.auth())) {
            return Optional.empty();
        }
        final String what = proof.auth().method() == AuthPayload.SHARED_KEY_MIC
            ? "with gateway " + proof.gatewayName() + "'s pre-shared key: the two sides are configured with different keys"
            : "with a pre-shared key: the peer signs with AUTH method " + proof.auth().method()
                + " (a certificate), gateway " + proof.gatewayName() + " uses a pre-shared key";
        return Optional.of("the AUTH of peer " + proof.peer() + " (ID " + Identities.describe(proof.id())
            + ") does not verify " + what);
    }

    @Override
    public String describe() {
        return "pre-shared key";
    }

    @Override
    public String rejectionHint() {
        return "check that both sides have the same pre-shared key";
    }

    @Override
    public String toString() {
        return "PskAuthenticator[" + Secret.REDACTED + "]";
    }
}
