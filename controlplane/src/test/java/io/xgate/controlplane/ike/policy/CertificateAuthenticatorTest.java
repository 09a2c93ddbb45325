package io.xgate.controlplane.ike.policy;

import io.xgate.controlplane.ike.crypto.Certificates;
import io.xgate.controlplane.ike.crypto.Prf;
import io.xgate.controlplane.ike.crypto.TestPki;
import io.xgate.controlplane.ike.crypto.TestPki.Issued;
import io.xgate.controlplane.ike.crypto.TestPki.KeyType;
import io.xgate.controlplane.ike.crypto.TestPki.Options;
import io.xgate.controlplane.ike.payload.AuthPayload;
import io.xgate.controlplane.ike.payload.CertPayload;
import io.xgate.controlplane.ike.payload.CertReqPayload;
import io.xgate.controlplane.ike.payload.IdPayload;
import io.xgate.controlplane.ike.payload.IkePayload;
import io.xgate.controlplane.ike.payload.Role;
import io.xgate.controlplane.ike.wire.Bytes;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/**
 * One side's certificate authenticator judging what the other side's would send: every reason to refuse gives its
 * line, and each signature method (RFC 7427 and classic, ECDSA and RSA) verifies.
 */
class CertificateAuthenticatorTest {
    private static final Issued CA = TestPki.ca("CN=Lab CA", KeyType.P256);
    private static final Issued OTHER_CA = TestPki.ca("CN=Other CA", KeyType.P256);
    private static final Issued B = TestPki.issue(CA, "CN=b.example", KeyType.P256,
        Options.endEntity(TestPki.dns("b.example"), TestPki.ip("192.0.2.2")));
    private static final Bytes OCTETS = Bytes.of("signed octets".getBytes(StandardCharsets.US_ASCII));
    private static final List<Integer> RFC7427 = List.of(2, 3, 4);
    private static final SecureRandom RANDOM = new SecureRandom();

    private static CertificateAuthenticator side(final Issued own, final boolean strict, final Issued... cas) {
        return side(own, List.of(own.certificate()), strict, cas);
    }

    private static CertificateAuthenticator side(final Issued own, final List<X509Certificate> chain,
                                                 final boolean strict, final Issued... cas) {
        return new CertificateAuthenticator("own", chain, own.privateKey(), new CertificateTrust("cp1",
            java.util.Arrays.stream(cas).map(Issued::certificate).toList(), strict));
    }

    private static IdPayload fqdn(final String name) {
        return new IdPayload(Role.RESPONDER, IdPayload.ID_FQDN, Bytes.of(name.getBytes(StandardCharsets.US_ASCII)));
    }

    /** What the verifying side concludes from {@code peer}'s CERTs and AUTH over {@link #OCTETS} for {@code id}. */
    private static Optional<String> judge(final CertificateAuthenticator verifier, final CertificateAuthenticator peer,
                                          final IdPayload id, final List<Integer> hashes) {
        final AuthPayload auth = peer.sign(Prf.HMAC_SHA2_256, OCTETS, hashes, RANDOM);
        return verifier.verify(Prf.HMAC_SHA2_256, OCTETS, new Authenticator.PeerProof("192.0.2.2", "gw", id, auth,
            certs(peer)));
    }

    private static List<CertPayload> certs(final CertificateAuthenticator side) {
        final List<CertPayload> certs = new ArrayList<>();
        for (final IkePayload payload : side.authPayloads(Role.RESPONDER)) {
            certs.add((CertPayload) payload);
        }
        return certs;
    }

    @Test
    void ecdsaOnEachCurveAndRsaVerifyByRfc7427AndByTheClassicMethods() {
        final CertificateAuthenticator verifier = side(TestPki.issue(CA, "CN=a.example", KeyType.P256,
            Options.endEntity()), false, CA);
        final Issued rsa = TestPki.issue(CA, "CN=rsa.example", KeyType.RSA2048,
            Options.endEntity(TestPki.dns("rsa.example")));
        final Issued p384 = TestPki.issue(CA, "CN=p384.example", KeyType.P384,
            Options.endEntity(TestPki.dns("p384.example")));
        final Issued p521 = TestPki.issue(CA, "CN=p521.example", KeyType.P521,
            Options.endEntity(TestPki.dns("p521.example")));
        for (final List<Integer> hashes : List.of(RFC7427, List.<Integer>of())) {
            assertEquals(Optional.empty(), judge(verifier, side(p521, false, CA), fqdn("p521.example"), hashes));
            assertEquals(Optional.empty(), judge(verifier, side(B, false, CA), fqdn("b.example"), hashes));
            assertEquals(Optional.empty(), judge(verifier, side(rsa, false, CA), fqdn("rsa.example"), hashes));
            assertEquals(Optional.empty(), judge(verifier, side(p384, false, CA), fqdn("p384.example"), hashes));
        }
        assertEquals(AuthPayload.DIGITAL_SIGNATURE, side(B, false, CA).sign(Prf.HMAC_SHA2_256, OCTETS, RFC7427, RANDOM)
            .method());
        assertEquals(AuthPayload.ECDSA_SHA256_P256, side(B, false, CA).sign(Prf.HMAC_SHA2_256, OCTETS, List.of(),
            RANDOM).method());
        assertEquals(AuthPayload.ECDSA_SHA512_P521, side(p521, false, CA).sign(Prf.HMAC_SHA2_256, OCTETS, List.of(),
            RANDOM).method());
        assertEquals(AuthPayload.RSA_DIGITAL_SIGNATURE, side(rsa, false, CA).sign(Prf.HMAC_SHA2_256, OCTETS, List.of(),
            RANDOM).method());
    }

    @Test
    void subjectDnAndIpAddressIdsAreBoundToTheCertificate() {
        final CertificateAuthenticator verifier = side(B, false, CA);
        assertEquals(Optional.empty(), judge(verifier, side(B, false, CA), side(B, false, CA).defaultId(Role.RESPONDER)
            .orElseThrow(), RFC7427));
        assertEquals(Optional.empty(), judge(verifier, side(B, false, CA), new IdPayload(Role.RESPONDER,
            IdPayload.ID_IPV4_ADDR, Bytes.of((byte) 192, (byte) 0, (byte) 2, (byte) 2)), RFC7427));
    }

    @Test
    void aChainThroughAnIntermediateVerifies() {
        final Issued intermediate = TestPki.intermediate(CA, "CN=Lab Issuing CA", KeyType.P256);
        final Issued leaf = TestPki.issue(intermediate, "CN=c.example", KeyType.P256,
            Options.endEntity(TestPki.dns("c.example")));
        final CertificateAuthenticator peer = side(leaf, List.of(leaf.certificate(), intermediate.certificate()),
            false, CA);
        assertEquals(Optional.empty(), judge(side(B, false, CA), peer, fqdn("c.example"), RFC7427));
        assertEquals(Optional.of("peer 192.0.2.2 certificate CN=c.example is not signed by a CA of certificate-profile "
                + "cp1 (its issuer is CN=Lab Issuing CA; the profile trusts CN=Lab CA)"),
            judge(side(B, false, CA), side(leaf, false, CA), fqdn("c.example"), RFC7427), "without the intermediate");
    }

    @Test
    void eachRefusalHasItsLine() {
        final CertificateAuthenticator verifier = side(B, false, CA);
        assertEquals(Optional.of("peer 192.0.2.2 certificate CN=b.example is not signed by a CA of certificate-profile "
                + "cp1 (its issuer is CN=Lab CA; the profile trusts CN=Other CA)"),
            judge(side(B, false, OTHER_CA), side(B, false, CA), fqdn("b.example"), RFC7427));

        final Instant ended = Instant.now().minus(Duration.ofDays(3));
        final Issued expired = TestPki.issue(CA, "CN=b.example", KeyType.P256,
            Options.endEntity(TestPki.dns("b.example")).validity(ended.minus(Duration.ofDays(30)), ended));
        assertEquals(Optional.of("peer 192.0.2.2 certificate CN=b.example expired "
                + LocalDate.ofInstant(expired.certificate().getNotAfter().toInstant(), ZoneOffset.UTC)),
            judge(verifier, side(expired, false, CA), fqdn("b.example"), RFC7427));

        final Instant starts = Instant.now().plus(Duration.ofDays(3));
        final Issued early = TestPki.issue(CA, "CN=b.example", KeyType.P256,
            Options.endEntity(TestPki.dns("b.example")).validity(starts, starts.plus(Duration.ofDays(30))));
        assertEquals(Optional.of("peer 192.0.2.2 certificate CN=b.example is not valid before "
                + LocalDate.ofInstant(early.certificate().getNotBefore().toInstant(), ZoneOffset.UTC)),
            judge(verifier, side(early, false, CA), fqdn("b.example"), RFC7427));

        final Issued noSigning = TestPki.issue(CA, "CN=b.example", KeyType.P256,
            Options.endEntity(TestPki.dns("b.example")).keyUsage(KeyUsage.keyEncipherment));
        assertEquals(Optional.of("peer 192.0.2.2 certificate CN=b.example has a keyUsage without digitalSignature: it "
            + "may not sign IKE AUTH"), judge(verifier, side(noSigning, false, CA), fqdn("b.example"), RFC7427));

        assertEquals(Optional.of("peer 192.0.2.2 ID fqdn:c.example not in the subjectAltName of certificate "
                + "CN=b.example (it lists fqdn:b.example, ipaddr:192.0.2.2)"),
            judge(verifier, side(B, false, CA), fqdn("c.example"), RFC7427));
        assertEquals(Optional.of("peer 192.0.2.2 ID dn:CN=c.example is not the subject of certificate CN=b.example"),
            judge(verifier, side(B, false, CA), new IdPayload(Role.RESPONDER, IdPayload.ID_DER_ASN1_DN,
                Bytes.of(new javax.security.auth.x500.X500Principal("CN=c.example").getEncoded())), RFC7427));

        assertEquals(Optional.of("peer 192.0.2.2 certificate CN=b.example has no known revocation status: "
                + "certificate-profile cp1 has strict-validation-revocation on and xgate fetches no CRL or OCSP; "
                + "turn it off"),
            judge(side(B, true, CA), side(B, false, CA), fqdn("b.example"), RFC7427));
    }

    @Test
    void aSignatureByAnotherKeyOrAMissingCertificateIsRefused() throws CertificateException {
        final CertificateAuthenticator verifier = side(B, false, CA);
        final Issued impostor = TestPki.issue(CA, "CN=b.example", KeyType.P256,
            Options.endEntity(TestPki.dns("b.example")));
        final AuthPayload forged = side(impostor, false, CA).sign(Prf.HMAC_SHA2_256, OCTETS, RFC7427, RANDOM);
        assertEquals(Optional.of("peer 192.0.2.2 signature does not verify with the key of certificate CN=b.example: "
                + "signature does not verify (ECDSA_SHA256)"),
            verifier.verify(Prf.HMAC_SHA2_256, OCTETS, new Authenticator.PeerProof("192.0.2.2", "gw",
                fqdn("b.example"), forged, List.of(Certificates.payload(B.certificate())))));
        assertEquals(Optional.of("peer 192.0.2.2 sent no certificate (CERT payload): configure it to send its "
                + "certificate (strongSwan: send_cert = always)"),
            verifier.verify(Prf.HMAC_SHA2_256, OCTETS, new Authenticator.PeerProof("192.0.2.2", "gw",
                fqdn("b.example"), forged, List.of())));
        assertEquals(Optional.of("peer 192.0.2.2 authenticates with a pre-shared key, gateway gw expects a "
                + "certificate"),
            verifier.verify(Prf.HMAC_SHA2_256, OCTETS, new Authenticator.PeerProof("192.0.2.2", "gw",
                fqdn("b.example"), new AuthPayload(AuthPayload.SHARED_KEY_MIC, OCTETS), List.of())));
    }

    @Test
    void certificateRequestCarriesTheProfilesCaKeyHashes() {
        final CertificateAuthenticator side = side(B, false, CA, OTHER_CA);
        final CertReqPayload request = (CertReqPayload) side.initPayloads(Role.RESPONDER).getLast();
        assertEquals(List.of(Certificates.authorityHash(CA.certificate()),
            Certificates.authorityHash(OTHER_CA.certificate())), request.authorityHashes());
        assertInstanceOf(CertReqPayload.class, side.authPayloads(Role.INITIATOR).getLast());
        assertEquals(1, side.initPayloads(Role.INITIATOR).size(), "the initiator's CERTREQ goes in IKE_AUTH");
        assertEquals("CertificateAuthenticator[own, profile cp1]", side.toString());
    }
}
