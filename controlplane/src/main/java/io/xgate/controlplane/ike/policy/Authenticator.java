package io.xgate.controlplane.ike.policy;

import io.xgate.controlplane.ike.crypto.Prf;
import io.xgate.controlplane.ike.payload.AuthPayload;
import io.xgate.controlplane.ike.payload.CertPayload;
import io.xgate.controlplane.ike.payload.IdPayload;
import io.xgate.controlplane.ike.payload.IkePayload;
import io.xgate.controlplane.ike.payload.Role;
import io.xgate.controlplane.ike.wire.Bytes;

import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;

/**
 * How one side proves itself in IKE_AUTH (RFC 7296 §2.15): it signs its own signed octets and checks the peer's.
 * A pre-shared key ({@link PskAuthenticator}) or a certificate and its key ({@link CertificateAuthenticator}).
 */
public interface Authenticator {

    /** Extra payloads of our IKE_SA_INIT message (RFC 7427's SIGNATURE_HASH_ALGORITHMS, the responder's CERTREQ). */
    List<IkePayload> initPayloads(Role role);

    /** Payloads that go before AUTH in our IKE_AUTH message (our CERTs, the initiator's CERTREQ). */
    List<IkePayload> authPayloads(Role role);

    /** Our ID when the gateway has no {@code local-id}; empty for the address default. */
    Optional<IdPayload> defaultId(Role role);

    /** {@code peerHashes}: the RFC 7427 hash algorithms the peer announced, empty when it announced none. */
    AuthPayload sign(Prf prf, Bytes signedOctets, List<Integer> peerHashes, SecureRandom random);

    /**
     * Empty when the peer's AUTH proves the ID it presented; otherwise the admin's line after
     * {@code AUTHENTICATION_FAILED: }, naming the peer and what to fix.
     */
    Optional<String> verify(Prf prf, Bytes signedOctets, PeerProof proof);

    /** What checks the peer, for traces: {@code pre-shared key}, {@code certificate-profile lab}. */
    String describe();

    /** What to check when the peer rejected our AUTH, e.g. {@code check that both sides have the same pre-shared key}. */
    String rejectionHint();

    /** What a peer presented in its IKE_AUTH, and where it came from, for the verdict and its explanation. */
    record PeerProof(String peer, String gatewayName, IdPayload id, AuthPayload auth, List<CertPayload> certificates) {
    }
}
