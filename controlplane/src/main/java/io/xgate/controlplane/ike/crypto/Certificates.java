package io.xgate.controlplane.ike.crypto;

import io.xgate.controlplane.ike.payload.CertPayload;
import io.xgate.controlplane.ike.wire.Bytes;

import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;

/**
 * X.509 certificates in CERT payloads (encoding 4, DER) and the CA key hashes of CERTREQ payloads.
 * Chain and revocation checks belong to the certificate profile (phase 2), not here.
 */
public final class Certificates {
    private Certificates() {
    }

    public static X509Certificate parse(final CertPayload payload) throws CertificateException {
        if (payload.encoding() != CertPayload.X509_SIGNATURE) {
            throw new CertificateException("certificate encoding " + payload.encoding() + " is not X.509 Signature (4)");
        }
        return (X509Certificate) CertificateFactory.getInstance("X.509")
            .generateCertificate(new ByteArrayInputStream(payload.data().toArray()));
    }

    public static CertPayload payload(final X509Certificate certificate) throws CertificateException {
        return new CertPayload(CertPayload.X509_SIGNATURE, Bytes.of(certificate.getEncoded()));
    }

    /** SHA-1 of the CA's SubjectPublicKeyInfo, the unit of a CERTREQ payload (RFC 7296 §3.7). */
    public static Bytes authorityHash(final X509Certificate ca) {
        try {
            return Bytes.of(MessageDigest.getInstance("SHA-1").digest(ca.getPublicKey().getEncoded()));
        } catch (final GeneralSecurityException e) {
            throw new IllegalStateException("SHA-1 is part of every JDK", e);
        }
    }
}
