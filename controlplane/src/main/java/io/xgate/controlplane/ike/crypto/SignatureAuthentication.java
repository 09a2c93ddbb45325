package io.xgate.controlplane.ike.crypto;

import io.xgate.controlplane.ike.payload.AuthPayload;
import io.xgate.controlplane.ike.wire.Bytes;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSASSAPSSparams;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.util.Arrays;

/**
 * Digital Signature authentication (RFC 7427 §3): AUTH data = length of the AlgorithmIdentifier (one
 * octet) | AlgorithmIdentifier | signature over the signed octets. ECDSA signatures are DER
 * Ecdsa-Sig-Value, as the JCA produces them. The classic methods 1 and 9-11 ({@link ClassicSignature}) are
 * produced for peers that do not announce RFC 7427 and accepted from any peer.
 */
public final class SignatureAuthentication {
    private SignatureAuthentication() {
    }

    public static AuthPayload sign(final PrivateKey key, final SignatureScheme scheme, final Bytes signedOctets,
                                   final SecureRandom random) throws GeneralSecurityException {
        final Signature signer = Signature.getInstance(scheme.jcaName());
        if (scheme.signingParameters() != null) {
            signer.setParameter(scheme.signingParameters());
        }
        signer.initSign(key, random);
        signer.update(signedOctets.toArray());
        final byte[] identifier = scheme.algorithmIdentifier();
        final Bytes data = Bytes.concat(Bytes.of((byte) identifier.length), Bytes.of(identifier), Bytes.of(signer.sign()));
        return new AuthPayload(AuthPayload.DIGITAL_SIGNATURE, data);
    }

    public static AuthPayload sign(final PrivateKey key, final ClassicSignature method, final Bytes signedOctets,
                                   final SecureRandom random) throws GeneralSecurityException {
        final Signature signer = Signature.getInstance(method.jcaName());
        signer.initSign(key, random);
        signer.update(signedOctets.toArray());
        return new AuthPayload(method.method(), Bytes.of(signer.sign()));
    }

    public static SignatureCheck verify(final PublicKey key, final AuthPayload auth, final Bytes signedOctets) {
        if (auth.method() != AuthPayload.DIGITAL_SIGNATURE) {
            return ClassicSignature.ofMethod(auth.method()).map(method -> verifyClassic(key, method, auth, signedOctets))
                .orElseGet(() -> new SignatureCheck.Invalid("AUTH method " + auth.method()
                    + " is not a signature method (1, 9, 10, 11 or 14)"));
        }
        final byte[] data = auth.data().toArray();
        if (data.length < 1 || data.length < 1 + (data[0] & 0xFF)) {
            return new SignatureCheck.Invalid("AUTH data shorter than its AlgorithmIdentifier");
        }
        final int idLength = data[0] & 0xFF;
        final AlgorithmIdentifier identifier;
        try {
            identifier = AlgorithmIdentifier.getInstance(Arrays.copyOfRange(data, 1, 1 + idLength));
        } catch (final IllegalArgumentException | IllegalStateException e) {
            return new SignatureCheck.Invalid("AlgorithmIdentifier is not DER");
        }
        for (final SignatureScheme scheme : SignatureScheme.values()) {
            if (!scheme.oid().equals(identifier.getAlgorithm()) || !scheme.forKey(key.getAlgorithm())) {
                continue;
            }
            final Integer salt = scheme.pssHash() == null ? Integer.valueOf(0) : pssSalt(scheme, identifier);
            if (salt == null) {
                continue;
            }
            try {
                final Signature verifier = Signature.getInstance(scheme.jcaName());
                if (scheme.pssHash() != null) {
                    verifier.setParameter(scheme.pss(salt));
                }
                verifier.initVerify(key);
                verifier.update(signedOctets.toArray());
                return verifier.verify(Arrays.copyOfRange(data, 1 + idLength, data.length))
                    ? new SignatureCheck.Valid(scheme)
                    : new SignatureCheck.Invalid("signature does not verify (" + scheme + ")");
            } catch (final GeneralSecurityException e) {
                return new SignatureCheck.Invalid("signature rejected (" + scheme + "): " + e.getMessage());
            }
        }
        return new SignatureCheck.Invalid("unsupported signature algorithm " + identifier.getAlgorithm()
            + " for a " + key.getAlgorithm() + " key");
    }

    private static SignatureCheck verifyClassic(final PublicKey key, final ClassicSignature method,
                                                final AuthPayload auth, final Bytes signedOctets) {
        if (ClassicSignature.forKey(key).filter(method::equals).isEmpty()) {
            return new SignatureCheck.Invalid("AUTH method " + auth.method() + " (" + method + ") does not fit a "
                + key.getAlgorithm() + " key of the certificate");
        }
        try {
            final Signature verifier = Signature.getInstance(method.jcaName());
            verifier.initVerify(key);
            verifier.update(signedOctets.toArray());
            return verifier.verify(auth.data().toArray()) ? new SignatureCheck.ValidClassic(method)
                : new SignatureCheck.Invalid("signature does not verify (" + method + ")");
        } catch (final GeneralSecurityException e) {
            return new SignatureCheck.Invalid("signature rejected (" + method + "): " + e.getMessage());
        }
    }

    /** The salt length of PSS parameters whose hash and MGF1 hash are the scheme's, or null. */
    private static Integer pssSalt(final SignatureScheme scheme, final AlgorithmIdentifier identifier) {
        try {
            final RSASSAPSSparams params = RSASSAPSSparams.getInstance(identifier.getParameters());
            final AlgorithmIdentifier mgf = params.getMaskGenAlgorithm();
            final boolean hashMatches = params.getHashAlgorithm().getAlgorithm().equals(scheme.pssHash());
            final boolean mgfMatches = mgf.getAlgorithm().equals(PKCSObjectIdentifiers.id_mgf1)
                && AlgorithmIdentifier.getInstance(mgf.getParameters()).getAlgorithm().equals(scheme.pssHash());
            final ASN1Integer salt = new ASN1Integer(params.getSaltLength());
            return hashMatches && mgfMatches && salt.intValueExact() >= 0 ? salt.intValueExact() : null;
        } catch (final IllegalArgumentException | IllegalStateException | ArithmeticException | NullPointerException e) {
            return null;
        }
    }
}
