package io.xgate.controlplane.ike.session;

import io.xgate.controlplane.ike.crypto.TestPki;
import io.xgate.controlplane.ike.crypto.TestPki.Issued;
import io.xgate.controlplane.ike.crypto.TestPki.KeyType;
import io.xgate.controlplane.ike.crypto.TestPki.Options;
import io.xgate.controlplane.ike.message.ExchangeType;
import io.xgate.controlplane.ike.message.IkeDecodeResult;
import io.xgate.controlplane.ike.message.IkeMessage;
import io.xgate.controlplane.ike.payload.CertReqPayload;
import io.xgate.controlplane.ike.payload.NotifyType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two in-process engines authenticating with certificates from a CA made at test time, through the real config
 * loader (PEM files in a temporary directory): ECDSA and RSA both ways, and refusals explained on both sides.
 */
class IkeCertificateExchangeTest {
    private static final Issued CA = TestPki.ca("CN=Lab CA, O=Example", KeyType.P256);
    private static final Issued OTHER_CA = TestPki.ca("CN=Other CA", KeyType.P256);

    @TempDir
    Path dir;

    /** Side {@code name} with {@code own} as its certificate and a profile trusting {@code trusted}. */
    private PeerConfig withCertificate(final PeerConfig side, final String name, final Issued own,
                                       final Issued trusted) {
        final Path cert = TestPki.writePrivate(dir.resolve(name + ".pem"), TestPki.pem(own.certificate()));
        final Path key = TestPki.writePrivate(dir.resolve(name + ".key"), TestPki.pem(own.privateKey()));
        final Path ca = TestPki.writePrivate(dir.resolve(name + "-ca.pem"), TestPki.pem(trusted.certificate()));
        return side.authentication("{certificate: {local-certificate: {name: own}, certificate-profile: cp1}}", """
            certificates:
              - {name: own, certificate-file: %s, private-key-file: %s}
              - {name: lab-ca, certificate-file: %s, ca: true}
            certificate-profiles:
              - {name: cp1, ca-certificates: [lab-ca]}
            """.formatted(cert, key, ca));
    }

    private static Issued endEntity(final String host, final KeyType type) {
        return TestPki.issue(CA, "CN=" + host, type, Options.endEntity(TestPki.dns(host)));
    }

    @Test
    void ecdsaCertificatesEstablishBothWays() {
        final EnginePair pair = new EnginePair(withCertificate(PeerConfig.a(), "a", endEntity("a.example", KeyType.P256),
            CA), withCertificate(PeerConfig.b(), "b", endEntity("b.example", KeyType.P256), CA));
        pair.settle();
        assertEquals(List.of(), pair.a.failures);
        assertEquals(List.of(), pair.b.failures);
        assertEquals(2, pair.a.installed().size());
        assertEquals(2, pair.b.installed().size());
        final List<FakeWire.Datagram> answers = pair.wire.sent(ExchangeType.IKE_SA_INIT.value(), true);
        // Our IKE_SA_INIT request is shorter than the answer with its CERTREQ: no amplification, a cookie first.
        assertTrue(plain(answers.getFirst()).findNotify(NotifyType.COOKIE).isPresent());
        final IkeMessage answer = plain(answers.getLast());
        assertTrue(answer.findNotify(NotifyType.SIGNATURE_HASH_ALGORITHMS).isPresent());
        assertTrue(answer.first(CertReqPayload.class).isPresent(), "the responder asks for a certificate in IKE_SA_INIT");
    }

    @Test
    void rsaCertificatesWithTheSubjectDnAsDefaultIdEstablish() {
        final EnginePair pair = new EnginePair(
            withCertificate(PeerConfig.a(), "a", endEntity("a.example", KeyType.RSA2048), CA).localId("")
                .peerId("dn:CN=b.example"),
            withCertificate(PeerConfig.b(), "b", endEntity("b.example", KeyType.P256), CA).localId("")
                .peerId("dn:CN=a.example"));
        pair.settle();
        assertEquals(List.of(), pair.a.failures);
        assertEquals(List.of(), pair.b.failures);
        assertEquals(2, pair.b.installed().size());
    }

    @Test
    void aPeerCertificateFromAnotherCaIsRefusedWithTheIssuerNamed() {
        final EnginePair pair = new EnginePair(withCertificate(PeerConfig.a(), "a", endEntity("a.example", KeyType.P256),
            CA), withCertificate(PeerConfig.b(), "b", endEntity("b.example", KeyType.P256), OTHER_CA));
        pair.settle();
        assertEquals(List.of("AUTHENTICATION_FAILED: peer 192.0.2.1 certificate CN=a.example is not signed by a CA of "
            + "certificate-profile cp1 (its issuer is CN=Lab CA,O=Example; the profile trusts CN=Other CA)"),
            pair.b.failures);
        assertEquals(List.of("AUTHENTICATION_FAILED: peer 192.0.2.2 rejected our AUTH: check that the peer trusts "
            + "CN=Lab CA,O=Example, the issuer of our certificate own (CN=a.example), and that the peer expects our "
            + "local-id fqdn:a.example"), pair.a.failures);
        assertEquals(0, pair.a.ikeUp + pair.b.ikeUp);
    }

    @Test
    void anIdTheCertificateDoesNotCarryIsRefused() {
        final EnginePair pair = new EnginePair(
            withCertificate(PeerConfig.a(), "a", endEntity("a.example", KeyType.P256), CA).localId("fqdn:x.example"),
            withCertificate(PeerConfig.b(), "b", endEntity("b.example", KeyType.P256), CA).peerId(""));
        pair.settle();
        assertEquals(List.of("AUTHENTICATION_FAILED: peer 192.0.2.1 ID fqdn:x.example not in the subjectAltName of "
            + "certificate CN=a.example (it lists fqdn:a.example)"), pair.b.failures);
    }

    @Test
    void aPskPeerIsToldTheGatewayExpectsACertificate() {
        final EnginePair pair = new EnginePair(PeerConfig.a(),
            withCertificate(PeerConfig.b(), "b", endEntity("b.example", KeyType.P256), CA));
        pair.settle();
        assertEquals(List.of("AUTHENTICATION_FAILED: peer 192.0.2.1 authenticates with a pre-shared key, gateway gw "
            + "expects a certificate"), pair.b.failures);
    }

    private static IkeMessage plain(final FakeWire.Datagram datagram) {
        return ((IkeDecodeResult.Ok) IkeMessage.decode(datagram.bytes())).message();
    }
}
