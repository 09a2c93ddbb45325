package io.xgate.dataplane.capture;

import io.xgate.dataplane.crypto.EncryptionAlgorithm;
import io.xgate.dataplane.crypto.IntegrityAlgorithm;

/**
 * What a decoder needs to open one IKEv2 SA's encrypted payloads (RFC 7296 §2.14): the SPIs and the
 * SK_e and SK_a keys of both directions. GCM keys carry the 4-byte salt (RFC 5282 §7.1).
 * Keys are copied in and out, and kept out of {@link #toString()}.
 */
public record IkeSaKeys(long initiatorSpi, long responderSpi,
                        EncryptionAlgorithm encryption, byte[] skEi, byte[] skEr,
                        IntegrityAlgorithm integrity, byte[] skAi, byte[] skAr) {

    public IkeSaKeys {
        AlgorithmChecks.requireCombination(encryption, integrity);
        AlgorithmChecks.requireKeyLength("SK_ei", skEi, encryption.keyLength());
        AlgorithmChecks.requireKeyLength("SK_er", skEr, encryption.keyLength());
        AlgorithmChecks.requireKeyLength("SK_ai", skAi, integrity.keyLength());
        AlgorithmChecks.requireKeyLength("SK_ar", skAr, integrity.keyLength());
        skEi = skEi.clone();
        skEr = skEr.clone();
        skAi = skAi.clone();
        skAr = skAr.clone();
    }

    @Override
    public byte[] skEi() {
        return skEi.clone();
    }

    @Override
    public byte[] skEr() {
        return skEr.clone();
    }

    @Override
    public byte[] skAi() {
        return skAi.clone();
    }

    @Override
    public byte[] skAr() {
        return skAr.clone();
    }

    @Override
    public String toString() {
        return "IkeSaKeys[spi_i=" + Long.toHexString(initiatorSpi) + ", spi_r=" + Long.toHexString(responderSpi)
            + ", " + encryption.configName() + "/" + integrity.configName() + "]";
    }
}
