package io.xgate.dataplane.crypto;

/**
 * The construction-time rules every provider applies before expanding a key. Messages name the
 * algorithm and the lengths, never the key bytes.
 */
public final class KeyMaterialChecks {
    private KeyMaterialChecks() {
    }

    public static void checkEsp(final EncryptionAlgorithm encryption, final byte[] encryptionKey,
                                final IntegrityAlgorithm integrity, final byte[] integrityKey) {
        if (encryption == null || integrity == null) {
            throw new IllegalArgumentException("encryption and integrity algorithms are required (use NONE)");
        }
        if (encryption.isAead() && integrity != IntegrityAlgorithm.NONE) {
            throw new IllegalArgumentException(encryption.configName()
                    + " authenticates by itself; integrity must be none, not " + integrity.configName());
        }
        if (!encryption.isAead() && integrity == IntegrityAlgorithm.NONE) {
            throw new IllegalArgumentException(encryption.configName() + " needs an integrity algorithm");
        }
        checkLength(encryption.configName() + " encryption", encryptionKey, encryption.keyLength());
        checkLength(integrity.configName() + " integrity", integrityKey, integrity.keyLength());
    }

    public static void checkMac(final IntegrityAlgorithm integrity, final byte[] key) {
        if (integrity == null || integrity == IntegrityAlgorithm.NONE) {
            throw new IllegalArgumentException("a packet MAC needs an integrity algorithm other than none");
        }
        checkLength(integrity.configName() + " integrity", key, integrity.keyLength());
    }

    private static void checkLength(final String what, final byte[] key, final int expected) {
        final int actual = key == null ? 0 : key.length;
        if (actual != expected) {
            throw new IllegalArgumentException(what + " key must be " + expected + " bytes, got " + actual);
        }
    }
}
