package io.xgate.controlplane.config;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.RSAPrivateKey;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PEM files of {@code certificates}: a certificate file holds one or more CERTIFICATE blocks (ours first, then
 * intermediates); a key file one key as PKCS#8 (PRIVATE KEY), SEC1 (EC PRIVATE KEY, what {@code pki --gen} and
 * {@code openssl ecparam -genkey} write) or PKCS#1 (RSA PRIVATE KEY). Encrypted keys are refused: the daemon has
 * no one to ask for a passphrase. Messages name the problem, never the key's content.
 */
final class PemFiles {
    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s:,-]*?)-----END \\1-----");

    private static final Map<ASN1ObjectIdentifier, String> ALGORITHMS = Map.of(
            X9ObjectIdentifiers.id_ecPublicKey, "EC",
            PKCSObjectIdentifiers.rsaEncryption, "RSA");

    private PemFiles() {
    }

    static List<X509Certificate> certificates(final String pem) {
        final List<X509Certificate> certificates = new ArrayList<>();
        final Matcher m = BLOCK.matcher(pem);
        while (m.find()) {
            if (!m.group(1).equals("CERTIFICATE")) {
                continue;
            }
            try {
                certificates.add((X509Certificate) CertificateFactory.getInstance("X.509")
                        .generateCertificate(new ByteArrayInputStream(der(m.group(2)))));
            } catch (final GeneralSecurityException | IllegalArgumentException e) {
                throw new IllegalArgumentException("certificate " + (certificates.size() + 1)
                        + " of the file is not valid DER X.509");
            }
        }
        if (certificates.isEmpty()) {
            throw new IllegalArgumentException("holds no PEM CERTIFICATE block");
        }
        return certificates;
    }

    static PrivateKey privateKey(final String pem) {
        final Matcher m = BLOCK.matcher(pem);
        if (!m.find()) {
            throw new IllegalArgumentException("holds no PEM private key block");
        }
        final String type = m.group(1);
        final byte[] der;
        try {
            der = der(m.group(2));
        } catch (final IllegalArgumentException e) {
            throw new IllegalArgumentException("the " + type + " block is not valid base64");
        }
        if (type.equals("ENCRYPTED PRIVATE KEY")) {
            throw new IllegalArgumentException(
                    "holds an encrypted key: store it unencrypted (mode 0600), the daemon cannot ask for a passphrase");
        }
        final PrivateKeyInfo info;
        try {
            info = switch (type) {
                case "PRIVATE KEY" -> PrivateKeyInfo.getInstance(der);
                case "EC PRIVATE KEY" -> {
                    final ECPrivateKey sec1 = ECPrivateKey.getInstance(der);
                    if (sec1.getParametersObject() == null) {
                        throw new IllegalArgumentException("names no curve");
                    }
                    yield new PrivateKeyInfo(new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey,
                            sec1.getParametersObject()), sec1);
                }
                case "RSA PRIVATE KEY" -> new PrivateKeyInfo(new AlgorithmIdentifier(
                        PKCSObjectIdentifiers.rsaEncryption, DERNull.INSTANCE), RSAPrivateKey.getInstance(der));
                default -> null;
            };
        } catch (final IOException | RuntimeException e) {
            throw new IllegalArgumentException("the " + type + " block is not a valid key");
        }
        if (info == null) {
            throw new IllegalArgumentException("holds a " + type
                    + " block, not PRIVATE KEY, EC PRIVATE KEY or RSA PRIVATE KEY");
        }
        final String algorithm = ALGORITHMS.get(info.getPrivateKeyAlgorithm().getAlgorithm());
        if (algorithm == null) {
            throw new IllegalArgumentException("holds a key of type " + info.getPrivateKeyAlgorithm().getAlgorithm()
                    + ": xgate signs with EC (P-256, P-384, P-521) or RSA keys");
        }
        try {
            return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(info.getEncoded()));
        } catch (final IOException | GeneralSecurityException | RuntimeException e) {
            throw new IllegalArgumentException("the " + type + " block is not a valid " + algorithm + " key");
        }
    }

    private static byte[] der(final String base64) {
        return Base64.getMimeDecoder().decode(base64.replaceAll("\\s", ""));
    }
}
