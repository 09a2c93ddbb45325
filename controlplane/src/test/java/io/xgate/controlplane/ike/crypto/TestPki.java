package io.xgate.controlplane.ike.crypto;

import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x509.TBSCertificate;
import org.bouncycastle.asn1.x509.Time;
import org.bouncycastle.asn1.x509.V3TBSCertificateGenerator;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;

import javax.security.auth.x500.X500Principal;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Test certificates made at test time with Bouncy Castle's ASN.1 classes: a CA and the end-entity certificates it
 * issues (ECDSA P-256/P-384/P-521 or RSA-2048), with subjectAltNames, and PEM files of them and their keys.
 */
public final class TestPki {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final AtomicLong SERIAL = new AtomicLong(1);

    public enum KeyType { P256, P384, P521, RSA2048 }

    /** A certificate and its key pair. */
    public record Issued(X509Certificate certificate, KeyPair keys) {
        public PrivateKey privateKey() {
            return keys.getPrivate();
        }
    }

    /** What an issued certificate says beyond its subject. */
    public record Options(Instant notBefore, Instant notAfter, List<GeneralName> altNames, boolean ca,
                          Integer keyUsage) {
        public static Options endEntity(final GeneralName... altNames) {
            return new Options(Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(30)),
                List.of(altNames), false, KeyUsage.digitalSignature);
        }

        public Options validity(final Instant from, final Instant to) {
            return new Options(from, to, altNames, ca, keyUsage);
        }

        public Options keyUsage(final Integer usage) {
            return new Options(notBefore, notAfter, altNames, ca, usage);
        }
    }

    private TestPki() {
    }

    public static GeneralName dns(final String name) {
        return new GeneralName(GeneralName.dNSName, name);
    }

    public static GeneralName ip(final String address) {
        return new GeneralName(GeneralName.iPAddress, address);
    }

    public static GeneralName email(final String address) {
        return new GeneralName(GeneralName.rfc822Name, address);
    }

    public static KeyPair keys(final KeyType type) {
        try {
            if (type == KeyType.RSA2048) {
                final KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
                rsa.initialize(2048, RANDOM);
                return rsa.generateKeyPair();
            }
            final KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
            ec.initialize(new ECGenParameterSpec(switch (type) {
                case P256 -> "secp256r1";
                case P384 -> "secp384r1";
                default -> "secp521r1";
            }), RANDOM);
            return ec.generateKeyPair();
        } catch (final GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A self-signed CA, valid from yesterday for a year. */
    public static Issued ca(final String subject, final KeyType type) {
        final KeyPair keys = keys(type);
        final Options options = new Options(Instant.now().minus(Duration.ofDays(1)),
            Instant.now().plus(Duration.ofDays(365)), List.of(), true, KeyUsage.keyCertSign | KeyUsage.cRLSign);
        return new Issued(sign(subject, keys, subject, keys.getPrivate(), options), keys);
    }

    public static Issued issue(final Issued issuer, final String subject, final KeyType type, final Options options) {
        return issue(issuer, subject, keys(type), options);
    }

    public static Issued issue(final Issued issuer, final String subject, final KeyPair keys, final Options options) {
        return new Issued(sign(subject, keys, issuer.certificate().getSubjectX500Principal().getName(),
            issuer.privateKey(), options), keys);
    }

    /** A CA certificate issued by another CA (an intermediate). */
    public static Issued intermediate(final Issued issuer, final String subject, final KeyType type) {
        final KeyPair keys = keys(type);
        final Options options = new Options(Instant.now().minus(Duration.ofDays(1)),
            Instant.now().plus(Duration.ofDays(365)), List.of(), true, KeyUsage.keyCertSign | KeyUsage.cRLSign);
        return new Issued(sign(subject, keys, issuer.certificate().getSubjectX500Principal().getName(),
            issuer.privateKey(), options), keys);
    }

    private static X509Certificate sign(final String subject, final KeyPair keys, final String issuer,
                                        final PrivateKey issuerKey, final Options options) {
        try {
            final boolean ec = issuerKey.getAlgorithm().equals("EC");
            final AlgorithmIdentifier algorithm = ec ? new AlgorithmIdentifier(X9ObjectIdentifiers.ecdsa_with_SHA256)
                : new AlgorithmIdentifier(PKCSObjectIdentifiers.sha256WithRSAEncryption, DERNull.INSTANCE);
            final V3TBSCertificateGenerator tbs = new V3TBSCertificateGenerator();
            tbs.setSerialNumber(new ASN1Integer(BigInteger.valueOf(SERIAL.getAndIncrement())));
            tbs.setSignature(algorithm);
            // Through X500Principal, so a name reads as RFC 4514 text (last RDN first in DER), as the JDK prints it.
            tbs.setIssuer(X500Name.getInstance(new X500Principal(issuer).getEncoded()));
            tbs.setSubject(X500Name.getInstance(new X500Principal(subject).getEncoded()));
            tbs.setStartDate(new Time(Date.from(options.notBefore())));
            tbs.setEndDate(new Time(Date.from(options.notAfter())));
            tbs.setSubjectPublicKeyInfo(SubjectPublicKeyInfo.getInstance(keys.getPublic().getEncoded()));
            final ExtensionsGenerator extensions = new ExtensionsGenerator();
            extensions.addExtension(Extension.basicConstraints, true, new BasicConstraints(options.ca()));
            if (options.keyUsage() != null) {
                extensions.addExtension(Extension.keyUsage, true, new KeyUsage(options.keyUsage()));
            }
            if (!options.altNames().isEmpty()) {
                extensions.addExtension(Extension.subjectAlternativeName, false,
                    new GeneralNames(options.altNames().toArray(GeneralName[]::new)));
            }
            tbs.setExtensions(extensions.generate());
            final TBSCertificate certificate = tbs.generateTBSCertificate();
            final Signature signer = Signature.getInstance(ec ? "SHA256withECDSA" : "SHA256withRSA");
            signer.initSign(issuerKey, RANDOM);
            signer.update(certificate.getEncoded(ASN1Encoding.DER));
            final ASN1EncodableVector whole = new ASN1EncodableVector();
            whole.add(certificate);
            whole.add(algorithm);
            whole.add(new DERBitString(signer.sign()));
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(
                new ByteArrayInputStream(new DERSequence(whole).getEncoded(ASN1Encoding.DER)));
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        } catch (final GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String pem(final X509Certificate... certificates) {
        final StringBuilder out = new StringBuilder();
        try {
            for (final X509Certificate certificate : certificates) {
                out.append(block("CERTIFICATE", certificate.getEncoded()));
            }
        } catch (final GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    /** PKCS#8, what {@code openssl genpkey} writes. */
    public static String pem(final PrivateKey key) {
        return block("PRIVATE KEY", key.getEncoded());
    }

    /** Writes {@code text} to {@code file} with mode 0600, as a private key file must be. */
    public static Path writePrivate(final Path file, final String text) {
        try {
            Files.writeString(file, text, StandardCharsets.US_ASCII);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            return file;
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String block(final String type, final byte[] der) {
        final List<String> lines = new ArrayList<>();
        lines.add("-----BEGIN " + type + "-----");
        final String base64 = Base64.getEncoder().encodeToString(der);
        for (int at = 0; at < base64.length(); at += 64) {
            lines.add(base64.substring(at, Math.min(base64.length(), at + 64)));
        }
        lines.add("-----END " + type + "-----");
        return String.join("\n", lines) + "\n";
    }
}
