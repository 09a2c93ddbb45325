package io.xgate.dataplane.crypto;

/** Makes per-SA ciphers and MACs; one implementation per crypto library. */
public interface CryptoProvider {
    /** Shown by {@code xgate version} and the startup log, e.g. "intel-ipsec-mb 1.3 (avx512)" or "jdk". */
    String name();

    /**
     * @param encryptionKey keying material of {@code encryption.keyLength()} bytes (salt appended for GCM).
     * @param integrityKey  key of {@code integrity.keyLength()} bytes, empty for NONE.
     * @param esn           whether the SA uses 64-bit extended sequence numbers (RFC 4304).
     * @throws IllegalArgumentException for a key of the wrong length or an invalid combination
     *                                  (GCM with an integrity algorithm, NULL without one).
     */
    EspCipher newEspCipher(EncryptionAlgorithm encryption, byte[] encryptionKey,
                           IntegrityAlgorithm integrity, byte[] integrityKey, boolean esn);

    PacketMac newPacketMac(IntegrityAlgorithm integrity, byte[] key);
}
