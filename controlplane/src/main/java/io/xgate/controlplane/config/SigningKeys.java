package io.xgate.controlplane.config;

import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Optional;
import java.util.Set;

/**
 * The key types IKE signs and verifies with: ECDSA on P-256, P-384 or P-521 (RFC 4754 / RFC 7427) and RSA of at least
 * 2048 bits. Other keys (Ed25519, DSA, Brainpool or secp256k1 curves, short RSA) are refused when the config loads.
 */
public final class SigningKeys {
    public static final int MIN_RSA_BITS = 2048;
    /** The NIST curves by JDK name and by OID, which is how the JDK names them for some providers. */
    private static final Set<String> NIST_CURVES = Set.of("secp256r1", "secp384r1", "secp521r1",
            "1.2.840.10045.3.1.7", "1.3.132.0.34", "1.3.132.0.35");

    private SigningKeys() {
    }

    /** Why {@code key} cannot sign IKE AUTH, e.g. {@code RSA key of 1024 bits (at least 2048 needed)}. */
    public static Optional<String> unsupported(final PublicKey key) {
        return switch (key) {
            case ECPublicKey ec -> curve(ec).filter(NIST_CURVES::contains).isPresent() ? Optional.empty()
                    : Optional.of("EC key on curve " + curve(ec).orElse("(explicit parameters)")
                        + " (P-256, P-384 or P-521 needed)");
            case RSAPublicKey rsa -> rsa.getModulus().bitLength() >= MIN_RSA_BITS ? Optional.empty()
                    : Optional.of("RSA key of " + rsa.getModulus().bitLength() + " bits (at least " + MIN_RSA_BITS
                        + " needed)");
            default -> Optional.of(key.getAlgorithm() + " key (ECDSA P-256/P-384/P-521 or RSA needed)");
        };
    }

    /** Whether {@code key} is the private half of {@code certified}: a signature by one verifies with the other. */
    public static boolean matches(final PrivateKey key, final PublicKey certified) {
        if (!key.getAlgorithm().equals(certified.getAlgorithm())) {
            return false;
        }
        final String algorithm = certified instanceof ECPublicKey ? "SHA256withECDSA" : "SHA256withRSA";
        final byte[] probe = "xgate key check".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        try {
            final Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key, new SecureRandom());
            signer.update(probe);
            final byte[] signature = signer.sign();
            final Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(certified);
            verifier.update(probe);
            return verifier.verify(signature);
        } catch (final GeneralSecurityException e) {
            return false;
        }
    }

    private static Optional<String> curve(final ECPublicKey key) {
        try {
            final AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
            parameters.init(key.getParams());
            return Optional.of(parameters.getParameterSpec(ECGenParameterSpec.class).getName());
        } catch (final GeneralSecurityException e) {
            return Optional.empty();
        }
    }
}
