package io.xgate.controlplane.ike.crypto;

/**
 * A child SA's keys (RFC 7296 §2.17): encryption and integrity key for each direction. GCM encryption keys
 * include the 4-byte salt, as the data plane's {@code EncryptionAlgorithm.keyLength()} expects.
 */
public record ChildSaKeys(KeyMaterial initiatorToResponderEncryption, KeyMaterial initiatorToResponderIntegrity,
                          KeyMaterial responderToInitiatorEncryption, KeyMaterial responderToInitiatorIntegrity) {

    @Override
    public String toString() {
        return "ChildSaKeys[" + initiatorToResponderEncryption.length() + "+" + initiatorToResponderIntegrity.length()
            + " bytes each way]";
    }
}
