package io.xgate.controlplane.ike.crypto;

import io.xgate.controlplane.ike.payload.AuthPayload;
import io.xgate.controlplane.ike.payload.CertPayload;
import io.xgate.controlplane.ike.wire.Bytes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

class IkeSignatureAuthTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Bytes OCTETS = Bytes.fromHex("0102030405060708090a");
    private static final KeyPair EC = pair("EC", new ECGenParameterSpec("secp384r1"));
    private static final KeyPair RSA = pair("RSA", null);

    @ParameterizedTest
    @EnumSource(SignatureScheme.class)
    void signsAndVerifiesEveryScheme(final SignatureScheme scheme) throws GeneralSecurityException {
        final KeyPair keys = scheme.name().startsWith("ECDSA") ? EC : RSA;
        final AuthPayload auth = SignatureAuthentication.sign(keys.getPrivate(), scheme, OCTETS, RANDOM);

        assertEquals(AuthPayload.DIGITAL_SIGNATURE, auth.method());
        assertEquals(scheme.name().endsWith("256") ? 2 : scheme.name().endsWith("384") ? 3 : 4, scheme.hashAlgorithm());
        assertEquals(new SignatureCheck.Valid(scheme), SignatureAuthentication.verify(keys.getPublic(), auth, OCTETS));
        assertInstanceOf(SignatureCheck.Invalid.class,
            SignatureAuthentication.verify(keys.getPublic(), auth, Bytes.fromHex("00")));
        final KeyPair other = scheme.name().startsWith("ECDSA") ? RSA : EC;
        assertInstanceOf(SignatureCheck.Invalid.class, SignatureAuthentication.verify(other.getPublic(), auth, OCTETS));
    }

    @Test
    void algorithmIdentifiersAreTheRfc7427Encodings() {
        assertEquals("300a06082a8648ce3d040302", hex(SignatureScheme.ECDSA_SHA256.algorithmIdentifier()));
        assertEquals("300a06082a8648ce3d040303", hex(SignatureScheme.ECDSA_SHA384.algorithmIdentifier()));
        assertEquals("300d06092a864886f70d01010b0500", hex(SignatureScheme.RSA_PKCS1_SHA256.algorithmIdentifier()));
        // DER omits the default trailerField, so the PSS form is 0x41 long (RFC 7427 A.4.3 shows an explicit one).
        assertEquals("3041" + "06092a864886f70d01010a" + "3034" + "a00f300d06096086480165030402010500"
                + "a11c301a06092a864886f70d010108300d06096086480165030402010500" + "a203020120",
            hex(SignatureScheme.RSA_PSS_SHA256.algorithmIdentifier()));
    }

    @Test
    void malformedAuthDataIsInvalidNotAnException() {
        for (final String data : new String[] {"", "ff00", "0530030601ff", "0c300a06082a8648ce3d040302"}) {
            assertInstanceOf(SignatureCheck.Invalid.class, SignatureAuthentication.verify(EC.getPublic(),
                new AuthPayload(AuthPayload.DIGITAL_SIGNATURE, Bytes.fromHex(data)), OCTETS), data);
        }
        assertInstanceOf(SignatureCheck.Invalid.class, SignatureAuthentication.verify(EC.getPublic(),
            new AuthPayload(AuthPayload.SHARED_KEY_MIC, Bytes.EMPTY), OCTETS));
    }

    @Test
    void certificatePayloadParsesAndItsKeyVerifiesTheGatewaysSignature() throws Exception {
        final CertPayload payload = new CertPayload(CertPayload.X509_SIGNATURE, Bytes.of(resource("gw-b-cert.der")));
        final PrivateKey key = KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(resource("gw-b-key.pk8")));

        final X509Certificate certificate = Certificates.parse(payload);
        final AuthPayload auth = SignatureAuthentication.sign(key, SignatureScheme.ECDSA_SHA256, OCTETS, RANDOM);

        assertEquals("CN=gw-b.example", certificate.getSubjectX500Principal().getName());
        assertEquals(new SignatureCheck.Valid(SignatureScheme.ECDSA_SHA256),
            SignatureAuthentication.verify(certificate.getPublicKey(), auth, OCTETS));
        // sha1sum of the DER SubjectPublicKeyInfo, from openssl when the test certificate was made.
        assertEquals("5142a5c43cc3bddca9827ec17a1c3ba9b0066b35", Certificates.authorityHash(certificate).toHex());
        assertEquals(payload, Certificates.payload(certificate));
    }

    @Test
    void certificateOfAnotherEncodingOrGarbageIsRefused() {
        assertThrows(CertificateException.class, () -> Certificates.parse(new CertPayload(CertPayload.CRL, Bytes.EMPTY)));
        assertThrows(CertificateException.class,
            () -> Certificates.parse(new CertPayload(CertPayload.X509_SIGNATURE, Bytes.fromHex("3003020101"))));
    }

    private static byte[] resource(final String name) throws IOException {
        try (InputStream in = IkeSignatureAuthTest.class.getResourceAsStream("/ike/" + name)) {
            return in.readAllBytes();
        }
    }

    private static KeyPair pair(final String algorithm, final ECGenParameterSpec spec) {
        try {
            final KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            if (spec != null) {
                generator.initialize(spec);
            } else {
                generator.initialize(2048);
            }
            return generator.generateKeyPair();
        } catch (final GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(final byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
