package io.xgate.controlplane.ike.policy;

import io.xgate.controlplane.ike.crypto.Certificates;
import io.xgate.controlplane.ike.crypto.ClassicSignature;
import io.xgate.controlplane.ike.crypto.Prf;
import io.xgate.controlplane.ike.crypto.SignatureAuthentication;
import io.xgate.controlplane.ike.crypto.SignatureCheck;
import io.xgate.controlplane.ike.crypto.SignatureScheme;
import io.xgate.controlplane.ike.exchange.CertificateIdentity;
import io.xgate.controlplane.ike.exchange.SignatureHashes;
import io.xgate.controlplane.ike.payload.AuthPayload;
import io.xgate.controlplane.ike.payload.CertPayload;
import io.xgate.controlplane.ike.payload.CertReqPayload;
import io.xgate.controlplane.ike.payload.IdPayload;
import io.xgate.controlplane.ike.payload.IkePayload;
import io.xgate.controlplane.ike.payload.Role;
import io.xgate.controlplane.ike.wire.Bytes;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Certificate authentication: we send our certificate (and the intermediates of its PEM file) and sign with its
 * key, by RFC 7427 Digital Signature when the peer announced SIGNATURE_HASH_ALGORITHMS, else by the classic method of
 * the key type; we ask for certificates of the profile's CAs (CERTREQ) and accept a peer whose certificate the
 * profile trusts, carries the ID it presents, and whose key verifies its AUTH. Never prints the key.
 */
public record CertificateAuthenticator(String certificateName, List<X509Certificate> chain, PrivateKey key,
                                       CertificateTrust trust) implements Authenticator {

    public CertificateAuthenticator {
        chain = List.copyOf(chain);
    }

    @Override
    public List<IkePayload> initPayloads(final Role role) {
        final List<IkePayload> payloads = new ArrayList<>(List.of(SignatureHashes.ours()));
        if (role == Role.RESPONDER) {
            payloads.add(certificateRequest());
        }
        return payloads;
    }

    @Override
    public List<IkePayload> authPayloads(final Role role) {
        final List<IkePayload> payloads = new ArrayList<>();
        for (final X509Certificate certificate : chain) {
            try {
                payloads.add(Certificates.payload(certificate));
            } catch (final CertificateException e) {
                throw new IllegalStateException("a certificate that parsed re-encodes", e);
            }
        }
        if (role == Role.INITIATOR) {
            payloads.add(certificateRequest());
        }
        return payloads;
    }

    @Override
    public Optional<IdPayload> defaultId(final Role role) {
        return Optional.of(CertificateIdentity.subjectId(role, chain.getFirst()));
    }

    @Override
    public AuthPayload sign(final Prf prf, final Bytes signedOctets, final List<Integer> peerHashes,
                            final SecureRandom random) {
        try {
            final Optional<SignatureScheme> scheme = scheme(peerHashes);
            return scheme.isPresent() ? SignatureAuthentication.sign(key, scheme.get(), signedOctets, random)
                : SignatureAuthentication.sign(key, ClassicSignature.forKey(chain.getFirst().getPublicKey())
                    .orElseThrow(), signedOctets, random);
        } catch (final GeneralSecurityException e) {
            throw new IllegalStateException("signing with the key of certificate " + certificateName + " failed", e);
        }
    }

    @Override
    public Optional<String> verify(final Prf prf, final Bytes signedOctets, final PeerProof proof) {
        final String peer = "peer " + proof.peer() + " ";
        if (proof.auth().method() == AuthPayload.SHARED_KEY_MIC) {
            return Optional.of(peer + "authenticates with a pre-shared key, gateway " + proof.gatewayName()
                + " expects a certificate");
        }
        if (proof.certificates().isEmpty()) {
            return Optional.of(peer + "sent no certificate (CERT payload): configure it to send its certificate "
                + "(strongSwan: send_cert = always)");
        }
        final List<X509Certificate> presented = new ArrayList<>();
        for (final CertPayload payload : proof.certificates()) {
            try {
                presented.add(Certificates.parse(payload));
            } catch (final CertificateException e) {
                return Optional.of(peer + "sent a certificate xgate cannot read: " + e.getMessage());
            }
        }
        final X509Certificate certificate = presented.getFirst();
        final Optional<String> untrusted = trust.problem(presented, Instant.now());
        if (untrusted.isPresent()) {
            return Optional.of(peer + untrusted.get());
        }
        final Optional<String> notItsId = CertificateIdentity.mismatch(proof.id(), certificate);
        if (notItsId.isPresent()) {
            return Optional.of(peer + notItsId.get());
        }
        final SignatureCheck check = SignatureAuthentication.verify(certificate.getPublicKey(), proof.auth(),
            signedOctets);
        if (check instanceof SignatureCheck.Invalid invalid) {
            return Optional.of(peer + "signature does not verify with the key of certificate "
                + certificate.getSubjectX500Principal().getName() + ": " + invalid.reason());
        }
        return Optional.empty();
    }

    @Override
    public String describe() {
        return "certificate-profile " + trust.profile();
    }

    @Override
    public String rejectionHint() {
        final X509Certificate own = chain.getFirst();
        return "check that the peer trusts " + own.getIssuerX500Principal().getName() + ", the issuer of our certificate "
            + certificateName + " (" + own.getSubjectX500Principal().getName() + "),";
    }

    /** RFC 7427 when the peer announced a hash for our key: the curve's own hash for ECDSA, SHA-256 first for RSA. */
    private Optional<SignatureScheme> scheme(final List<Integer> peerHashes) {
        final List<SignatureScheme> preferred = chain.getFirst().getPublicKey() instanceof ECKey ec
            ? switch (ec.getParams().getCurve().getField().getFieldSize()) {
                case 256 -> List.of(SignatureScheme.ECDSA_SHA256);
                case 384 -> List.of(SignatureScheme.ECDSA_SHA384);
                default -> List.of(SignatureScheme.ECDSA_SHA512);
            }
            : List.of(SignatureScheme.RSA_PKCS1_SHA256, SignatureScheme.RSA_PKCS1_SHA384, SignatureScheme.RSA_PKCS1_SHA512);
        return preferred.stream().filter(s -> peerHashes.contains(s.hashAlgorithm())).findFirst();
    }

    private CertReqPayload certificateRequest() {
        return new CertReqPayload(CertPayload.X509_SIGNATURE,
            Bytes.concat(trust.cas().stream().map(Certificates::authorityHash).toArray(Bytes[]::new)));
    }

    @Override
    public String toString() {
        return "CertificateAuthenticator[" + certificateName + ", profile " + trust.profile() + "]";
    }
}
