package io.xgate.dataplane.capture;

import io.xgate.dataplane.crypto.EncryptionAlgorithm;
import io.xgate.dataplane.crypto.IntegrityAlgorithm;

/** The checks every key record makes; messages name lengths, never key bytes. */
final class AlgorithmChecks {
    private AlgorithmChecks() {
    }

    /** AEAD transforms bring their own ICV; NULL encryption is only allowed with integrity (RFC 4303 §3.2). */
    static void requireCombination(final EncryptionAlgorithm encryption, final IntegrityAlgorithm integrity) {
        if (encryption.isAead() && integrity != IntegrityAlgorithm.NONE) {
            throw new IllegalArgumentException(encryption.configName() + " takes no integrity algorithm");
        }
        if (!encryption.isAead() && integrity == IntegrityAlgorithm.NONE) {
            throw new IllegalArgumentException(encryption.configName() + " needs an integrity algorithm");
        }
    }

    static void requireKeyLength(final String what, final byte[] key, final int expected) {
        if (key.length != expected) {
            throw new IllegalArgumentException(what + " key is " + key.length + " bytes, expected " + expected);
        }
    }
}
