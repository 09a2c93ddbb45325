package io.xgate.controlplane.ike.crypto;

import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSASSAPSSparams;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;

/**
 * Signature algorithms for RFC 7427 Digital Signature authentication, each with the AlgorithmIdentifier
 * that prefixes the signature (RFC 7427 Appendix A forms: NULL parameters for PKCS#1 v1.5, none for
 * ECDSA, explicit RSASSA-PSS-params with salt = hash length, default trailerField omitted as DER requires)
 * and the SIGNATURE_HASH_ALGORITHMS number. Verification parses the peer's identifier, so either trailer form is accepted.
 */
public enum SignatureScheme {
    ECDSA_SHA256("SHA256withECDSA", X9ObjectIdentifiers.ecdsa_with_SHA256, null, 2, Key.EC),
    ECDSA_SHA384("SHA384withECDSA", X9ObjectIdentifiers.ecdsa_with_SHA384, null, 3, Key.EC),
    ECDSA_SHA512("SHA512withECDSA", X9ObjectIdentifiers.ecdsa_with_SHA512, null, 4, Key.EC),
    RSA_PKCS1_SHA256("SHA256withRSA", PKCSObjectIdentifiers.sha256WithRSAEncryption, null, 2, Key.RSA),
    RSA_PKCS1_SHA384("SHA384withRSA", PKCSObjectIdentifiers.sha384WithRSAEncryption, null, 3, Key.RSA),
    RSA_PKCS1_SHA512("SHA512withRSA", PKCSObjectIdentifiers.sha512WithRSAEncryption, null, 4, Key.RSA),
    RSA_PSS_SHA256("RSASSA-PSS", PKCSObjectIdentifiers.id_RSASSA_PSS, NISTObjectIdentifiers.id_sha256, 2, Key.RSA),
    RSA_PSS_SHA384("RSASSA-PSS", PKCSObjectIdentifiers.id_RSASSA_PSS, NISTObjectIdentifiers.id_sha384, 3, Key.RSA),
    RSA_PSS_SHA512("RSASSA-PSS", PKCSObjectIdentifiers.id_RSASSA_PSS, NISTObjectIdentifiers.id_sha512, 4, Key.RSA);

    enum Key { EC, RSA }

    private final String jcaName;
    private final ASN1ObjectIdentifier oid;
    private final ASN1ObjectIdentifier pssHash;
    private final int hashAlgorithm;
    private final Key key;

    SignatureScheme(final String jcaName, final ASN1ObjectIdentifier oid, final ASN1ObjectIdentifier pssHash,
                    final int hashAlgorithm, final Key key) {
        this.jcaName = jcaName;
        this.oid = oid;
        this.pssHash = pssHash;
        this.hashAlgorithm = hashAlgorithm;
        this.key = key;
    }

    public String jcaName() {
        return jcaName;
    }

    /** The RFC 7427 §7 hash number announced in SIGNATURE_HASH_ALGORITHMS (2 = SHA2-256, 3 = 384, 4 = 512). */
    public int hashAlgorithm() {
        return hashAlgorithm;
    }

    boolean forKey(final String keyAlgorithm) {
        return key.name().equals(keyAlgorithm) || (key == Key.RSA && keyAlgorithm.equals("RSASSA-PSS"));
    }

    ASN1ObjectIdentifier oid() {
        return oid;
    }

    /** The hash OID of a PSS scheme, null otherwise. */
    ASN1ObjectIdentifier pssHash() {
        return pssHash;
    }

    /** Digest bytes, which is also the PSS salt length xgate signs with. */
    int hashLength() {
        return hashAlgorithm == 2 ? 32 : hashAlgorithm == 3 ? 48 : 64;
    }

    /** The DER AlgorithmIdentifier carried in the AUTH payload. */
    public byte[] algorithmIdentifier() {
        final AlgorithmIdentifier identifier = switch (key) {
            case EC -> new AlgorithmIdentifier(oid);
            case RSA -> pssHash == null ? new AlgorithmIdentifier(oid, DERNull.INSTANCE)
                : new AlgorithmIdentifier(oid, pssParams(pssHash, hashLength()));
        };
        try {
            return identifier.getEncoded(ASN1Encoding.DER);
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JCA parameters for signing, null when the algorithm takes none. */
    AlgorithmParameterSpec signingParameters() {
        return pssHash == null ? null : pss(hashLength());
    }

    PSSParameterSpec pss(final int saltLength) {
        final String digest = "SHA-" + hashLength() * 8;
        return new PSSParameterSpec(digest, "MGF1", new MGF1ParameterSpec(digest), saltLength,
            PSSParameterSpec.TRAILER_FIELD_BC);
    }

    private static RSASSAPSSparams pssParams(final ASN1ObjectIdentifier hash, final int saltLength) {
        final AlgorithmIdentifier hashId = new AlgorithmIdentifier(hash, DERNull.INSTANCE);
        return new RSASSAPSSparams(hashId, new AlgorithmIdentifier(PKCSObjectIdentifiers.id_mgf1, hashId),
            new ASN1Integer(saltLength), RSASSAPSSparams.DEFAULT_TRAILER_FIELD);
    }
}
