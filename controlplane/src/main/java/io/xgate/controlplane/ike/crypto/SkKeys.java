package io.xgate.controlplane.ike.crypto;

import io.xgate.controlplane.ike.payload.Role;
import io.xgate.dataplane.capture.IkeSaKeys;

/**
 * What protects an IKE SA's SK payloads in both directions. The cipher is chosen by who sent the message
 * (the header's Initiator flag), so the same keys serve decode and encode on either side.
 */
public record SkKeys(IkeSuite suite, KeyMaterial skEi, KeyMaterial skAi, KeyMaterial skEr, KeyMaterial skAr) {

    public static SkKeys of(final IkeSuite suite, final IkeSaSecrets secrets) {
        return new SkKeys(suite, secrets.skEi(), secrets.skAi(), secrets.skEr(), secrets.skAr());
    }

    /** The cipher for messages sent by {@code sender}. */
    public SkCipher sentBy(final Role sender) {
        return sender == Role.INITIATOR
            ? SkCipher.of(suite.encryption(), suite.integrity(), skEi, skAi)
            : SkCipher.of(suite.encryption(), suite.integrity(), skEr, skAr);
    }

    /** The keys in the form {@code WiresharkKeyTables} writes, so captures of this IKE SA can be decrypted. */
    public IkeSaKeys forCapture(final long spiI, final long spiR) {
        return new IkeSaKeys(spiI, spiR, suite.encryption().dataplane().orElseThrow(), skEi.bytes(), skEr.bytes(),
            suite.integrity().dataplane(), skAi.bytes(), skAr.bytes());
    }

    @Override
    public String toString() {
        return "SkKeys[" + suite + "]";
    }
}
