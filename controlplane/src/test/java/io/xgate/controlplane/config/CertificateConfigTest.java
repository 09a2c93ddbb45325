package io.xgate.controlplane.config;

import io.xgate.controlplane.ike.crypto.TestPki;
import io.xgate.controlplane.ike.crypto.TestPki.Issued;
import io.xgate.controlplane.ike.crypto.TestPki.KeyType;
import io.xgate.controlplane.ike.crypto.TestPki.Options;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.xgate.controlplane.config.ConfigFixture.edited;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code certificates}, {@code certificate-profiles} and certificate authentication of a gateway: the full example
 * with gw-b switched to certificates, each broken in one way and giving exactly its error. The PEM files are made
 * at test time and served by the fixture's file source.
 */
class CertificateConfigTest {
    private static final Issued CA = TestPki.ca("CN=Lab CA, O=Example", KeyType.P256);
    private static final Issued GW = TestPki.issue(CA, "CN=a.example", KeyType.P256,
        Options.endEntity(TestPki.dns("a.example")));
    private static final Issued OTHER = TestPki.issue(CA, "CN=other.example", KeyType.P256, Options.endEntity());

    private static final String CERTIFICATE_AUTH = """
          certificate:
            local-certificate: {name: gw-a}
            certificate-profile: lab
            strict-validation-revocation: false
    """;

    private static final String SECTIONS = """
        certificates:
          - {name: gw-a, certificate-file: /etc/xgate/gw-a.pem, private-key-file: /etc/xgate/gw-a.key}
          - {name: lab-ca, certificate-file: /etc/xgate/ca.pem, ca: true}
        certificate-profiles:
          - {name: lab, ca-certificates: [lab-ca]}
        """;

    private final Map<String, String> files = new HashMap<>(Map.of(
        "/etc/xgate/gw-a.pem", TestPki.pem(GW.certificate()),
        "/etc/xgate/gw-a.key", TestPki.pem(GW.privateKey()),
        "/etc/xgate/ca.pem", TestPki.pem(CA.certificate())));

    private static String yaml(final String... fromTo) {
        final String[] all = new String[fromTo.length + 2];
        all[0] = "      pre-shared-key: {key: \"correct horse battery staple\"}\n";
        all[1] = CERTIFICATE_AUTH;
        System.arraycopy(fromTo, 0, all, 2, fromTo.length);
        return edited(all) + SECTIONS;
    }

    private List<String> errors(final String yaml) {
        return ConfigLoader.load(yaml, ConfigFixture.SOURCE, ConfigFixture.sources(Map.of("XGATE_PSK_B",
            ConfigFixture.PSK_B), files)).errors().stream().map(ConfigError::toString).toList();
    }

    @Test
    void certificateGatewayLoadsWithItsChainKeyAndProfile() {
        final LoadResult result = ConfigLoader.load(yaml(), ConfigFixture.SOURCE,
            ConfigFixture.sources(Map.of("XGATE_PSK_B", ConfigFixture.PSK_B), files));
        assertEquals(List.of(), result.errors());
        final DeviceConfig config = ((LoadResult.Valid) result).config();
        final Certificate gw = config.findCertificate("gw-a").orElseThrow();
        assertEquals(GW.certificate(), gw.certificate());
        assertTrue(gw.privateKey().isPresent());
        assertEquals(List.of("lab-ca"), config.findCertificateProfile("lab").orElseThrow().caCertificates());
        assertEquals("Certificate[name=gw-a, certificate-file=/etc/xgate/gw-a.pem, "
            + "private-key-file=/etc/xgate/gw-a.key, ca=false]", gw.toString());
        assertFalse(config.toString().contains("PRIVATE"), "the key never prints");
    }

    @Test
    void sec1AndPkcs1KeysLoadToo() throws Exception {
        final Issued rsa = TestPki.issue(CA, "CN=rsa.example", KeyType.RSA2048, Options.endEntity());
        final org.bouncycastle.asn1.pkcs.PrivateKeyInfo rsaInfo =
            org.bouncycastle.asn1.pkcs.PrivateKeyInfo.getInstance(rsa.privateKey().getEncoded());
        final org.bouncycastle.asn1.pkcs.PrivateKeyInfo ecInfo =
            org.bouncycastle.asn1.pkcs.PrivateKeyInfo.getInstance(GW.privateKey().getEncoded());
        files.put("/etc/xgate/gw-a.pem", TestPki.pem(rsa.certificate()));
        files.put("/etc/xgate/gw-a.key", block("RSA PRIVATE KEY", der(rsaInfo.parsePrivateKey())));
        assertEquals(List.of(), errors(yaml()));
        files.put("/etc/xgate/gw-a.pem", TestPki.pem(GW.certificate()));
        // SEC1 as openssl and pki write it: the curve inside the key structure.
        final org.bouncycastle.asn1.sec.ECPrivateKey sec1 = new org.bouncycastle.asn1.sec.ECPrivateKey(256,
            ((java.security.interfaces.ECPrivateKey) GW.privateKey()).getS(),
            ecInfo.getPrivateKeyAlgorithm().getParameters());
        files.put("/etc/xgate/gw-a.key", block("EC PRIVATE KEY", der(sec1)));
        assertEquals(List.of(), errors(yaml()));
    }

    @Test
    void unknownReferencesAreNamedWithAHint() {
        assertEquals(List.of("ike-gateways[gw-b].authentication.certificate.local-certificate.name: 'gw-b' is not "
                + "defined in certificates, did you mean gw-a?",
            "ike-gateways[gw-b].authentication.certificate.certificate-profile: 'labs' is not defined in "
                + "certificate-profiles, did you mean lab?"),
            errors(yaml("{name: gw-a}", "{name: gw-b}", "certificate-profile: lab", "certificate-profile: labs")));
        assertEquals(List.of("certificate-profiles[lab].ca-certificates[0]: 'lab-cb' is not defined in certificates, "
            + "did you mean lab-ca?"), errors(yaml() .replace("[lab-ca]", "[lab-cb]")));
    }

    @Test
    void aCertificateGatewayNeedsAProfileAndAKey() {
        assertEquals(List.of("ike-gateways[gw-b].authentication.certificate.certificate-profile: is required: it "
            + "names the CAs the peer's certificate must chain to"), errors(yaml("        certificate-profile: lab\n", "")));
        assertEquals(List.of("ike-gateways[gw-b].authentication.certificate.local-certificate.name: 'lab-ca' has no "
            + "private-key-file: our AUTH is signed with the local certificate's key"),
            errors(yaml("{name: gw-a}", "{name: lab-ca}")));
        assertEquals(List.of("certificate-profiles[lab].ca-certificates[0]: 'gw-a' is not marked ca: true: a profile "
            + "trusts CA certificates only"), errors(yaml().replace("[lab-ca]", "[gw-a]")));
    }

    @Test
    void unreadableFilesAreLoadErrors() {
        files.remove("/etc/xgate/gw-a.key");
        files.put("/etc/xgate/ca.pem", "not a certificate");
        assertEquals(List.of("certificates[gw-a].private-key-file: cannot read private key file /etc/xgate/gw-a.key: "
                + "NoSuchFileException",
            "certificates[lab-ca].certificate-file: certificate file /etc/xgate/ca.pem holds no PEM CERTIFICATE block"),
            errors(yaml()));
    }

    @Test
    void keyFileMustBePrivateToItsOwner() {
        files.put("/etc/xgate/gw-a.key" + ConfigFixture.LOOSE_MODE_SUFFIX, TestPki.pem(GW.privateKey()));
        assertEquals(List.of("certificates[gw-a].private-key-file: private key file /etc/xgate/gw-a.key"
                + ConfigFixture.LOOSE_MODE_SUFFIX + " is readable by group or others: chmod 600 it"),
            errors(yaml().replace("gw-a.key", "gw-a.key" + ConfigFixture.LOOSE_MODE_SUFFIX)));
    }

    @Test
    void keyThatBelongsToAnotherCertificateIsRefused() {
        files.put("/etc/xgate/gw-a.key", TestPki.pem(OTHER.privateKey()));
        assertEquals(List.of("certificates[gw-a].private-key-file: the key in /etc/xgate/gw-a.key does not match "
            + "certificate CN=a.example"), errors(yaml()));
    }

    @Test
    void expiredAndNotYetValidCertificatesAreErrors() {
        final Instant ended = Instant.now().minus(Duration.ofDays(10));
        final Issued expired = TestPki.issue(CA, "CN=a.example", KeyType.P256,
            Options.endEntity().validity(ended.minus(Duration.ofDays(30)), ended));
        files.put("/etc/xgate/gw-a.pem", TestPki.pem(expired.certificate()));
        files.put("/etc/xgate/gw-a.key", TestPki.pem(expired.privateKey()));
        assertEquals(List.of("certificates[gw-a].certificate-file: certificate CN=a.example expired "
            + LocalDate.ofInstant(expired.certificate().getNotAfter().toInstant(), ZoneOffset.UTC)), errors(yaml()));

        final Instant starts = Instant.now().plus(Duration.ofDays(10));
        final Issued future = TestPki.issue(CA, "CN=a.example", KeyType.P256,
            Options.endEntity().validity(starts, starts.plus(Duration.ofDays(30))));
        files.put("/etc/xgate/gw-a.pem", TestPki.pem(future.certificate()));
        files.put("/etc/xgate/gw-a.key", TestPki.pem(future.privateKey()));
        assertEquals(List.of("certificates[gw-a].certificate-file: certificate CN=a.example is not valid before "
            + LocalDate.ofInstant(future.certificate().getNotBefore().toInstant(), ZoneOffset.UTC)), errors(yaml()));
    }

    @Test
    void unsupportedKeyTypesAreErrors() throws Exception {
        final java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("RSA");
        generator.initialize(1024);
        final Issued weak = TestPki.issue(CA, "CN=a.example", generator.generateKeyPair(), Options.endEntity());
        files.put("/etc/xgate/gw-a.pem", TestPki.pem(weak.certificate()));
        files.put("/etc/xgate/gw-a.key", TestPki.pem(weak.privateKey()));
        assertEquals(List.of("certificates[gw-a].certificate-file: certificate CN=a.example has an unsupported RSA "
            + "key of 1024 bits (at least 2048 needed)"), errors(yaml()));
    }

    @Test
    void onlyCaCertificatesGoWithoutAKey() {
        final String keyless = yaml().replace("{name: gw-a, certificate-file: /etc/xgate/gw-a.pem, "
            + "private-key-file: /etc/xgate/gw-a.key}", "{name: gw-a, certificate-file: /etc/xgate/gw-a.pem}");
        assertEquals(List.of("certificates[gw-a].private-key-file: is required unless the certificate is a CA "
                + "(ca: true)",
            "ike-gateways[gw-b].authentication.certificate.local-certificate.name: 'gw-a' has no private-key-file: "
                + "our AUTH is signed with the local certificate's key"), errors(keyless));
        assertEquals(List.of("certificates[lab-ca].ca: certificate CN=a.example is not a CA certificate "
            + "(no basicConstraints CA:TRUE)"), errors(yaml().replace("/etc/xgate/ca.pem", "/etc/xgate/gw-a.pem")));
    }

    @Test
    void inlinePrivateKeysAreNotAField() {
        assertEquals(List.of("certificates[gw-a].private-key: unknown key, expected one of: name, certificate-file, "
            + "private-key-file, ca"),
            errors(yaml().replace("private-key-file: /etc/xgate/gw-a.key", "private-key-file: /etc/xgate/gw-a.key, "
                + "private-key: \"-----BEGIN PRIVATE KEY-----\"")));
    }

    private static byte[] der(final org.bouncycastle.asn1.ASN1Encodable value) {
        try {
            return value.toASN1Primitive().getEncoded("DER");
        } catch (final java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String block(final String type, final byte[] der) {
        return "-----BEGIN " + type + "-----\n" + java.util.Base64.getMimeEncoder().encodeToString(der)
            + "\n-----END " + type + "-----\n";
    }
}
