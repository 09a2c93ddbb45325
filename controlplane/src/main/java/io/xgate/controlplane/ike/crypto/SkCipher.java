package io.xgate.controlplane.ike.crypto;

import java.security.SecureRandom;
import java.util.Optional;

/**
 * Protection of one direction's SK/SKF content (RFC 7296 §3.14, RFC 5282, RFC 7383 §2.5): IV || ciphertext
 * || ICV at the end of a message. Everything before the IV (IKE header, any payloads, the container's
 * generic header and fragment numbers) is authenticated: as the HMAC input for CBC, as the AAD for GCM.
 */
public sealed interface SkCipher permits CbcHmacSkCipher, GcmSkCipher {

    static SkCipher of(final Encryption encryption, final IntegrityTransform integrity, final KeyMaterial encryptionKey,
                       final KeyMaterial integrityKey) {
        return encryption.algorithm().isAead()
            ? new GcmSkCipher(encryption, encryptionKey)
            : new CbcHmacSkCipher(encryption, integrity, encryptionKey, integrityKey);
    }

    /** Bytes of IV || ciphertext (with padding and pad length) || ICV for {@code plaintextLength} bytes. */
    int sealedLength(int plaintextLength);

    /**
     * Encrypts {@code plaintext} into {@code message} from {@code contentOffset} to its end, which must be
     * exactly {@link #sealedLength} bytes; the bytes before are final (lengths included) and get authenticated.
     */
    void seal(byte[] message, int contentOffset, byte[] plaintext, SecureRandom random);

    /** The plaintext without padding, or empty if the ICV does not verify or the padding is impossible. */
    Optional<byte[]> open(byte[] message, int contentOffset);
}
