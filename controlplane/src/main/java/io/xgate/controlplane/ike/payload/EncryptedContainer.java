package io.xgate.controlplane.ike.payload;

import io.xgate.controlplane.ike.wire.Bytes;

/**
 * The last payload of a protected message: SK (RFC 7296 §3.14) or SKF (RFC 7383 §2.5). {@code content}
 * is IV || ciphertext || ICV, opaque until {@code ike.crypto.SkCipher} opens it; it always ends the
 * message, so its offset is the message length minus its length.
 */
public sealed interface EncryptedContainer {

    /** The Next Payload field of the container: the type of the first payload inside. */
    PayloadType firstInnerPayload();

    Bytes content();

    /** Bytes between the generic header and {@link #content()}: none for SK, the fragment numbers for SKF. */
    int fieldsLength();

    record Encrypted(PayloadType firstInnerPayload, Bytes content) implements EncryptedContainer {
        @Override
        public int fieldsLength() {
            return 0;
        }
    }

    /**
     * One fragment. Only fragment 1 names the first inner payload; the others carry 0 (RFC 7383 §2.5).
     */
    record Fragment(PayloadType firstInnerPayload, int fragmentNumber, int totalFragments, Bytes content)
            implements EncryptedContainer {
        public static final int FIELDS_LENGTH = 4;

        public Fragment {
            if (fragmentNumber < 1 || fragmentNumber > totalFragments || totalFragments > 0xFFFF) {
                throw new IllegalArgumentException("fragment " + fragmentNumber + " of " + totalFragments);
            }
        }

        @Override
        public int fieldsLength() {
            return FIELDS_LENGTH;
        }
    }
}
