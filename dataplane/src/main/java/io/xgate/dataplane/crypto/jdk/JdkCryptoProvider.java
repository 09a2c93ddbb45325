package io.xgate.dataplane.crypto.jdk;

import io.xgate.dataplane.crypto.CryptoProvider;
import io.xgate.dataplane.crypto.EncryptionAlgorithm;
import io.xgate.dataplane.crypto.EspCipher;
import io.xgate.dataplane.crypto.GcmEspCipher;
import io.xgate.dataplane.crypto.IntegrityAlgorithm;
import io.xgate.dataplane.crypto.KeyMaterialChecks;
import io.xgate.dataplane.crypto.PacketMac;

import java.security.SecureRandom;
import java.util.Arrays;

/** Every suite on {@code javax.crypto} and {@link java.security.MessageDigest}: portable, slower for GCM. */
public final class JdkCryptoProvider implements CryptoProvider {
    private static final int SALT_LENGTH = 4;

    private final SecureRandom random = new SecureRandom();

    @Override
    public String name() {
        return "jdk " + Runtime.version().feature();
    }

    @Override
    public EspCipher newEspCipher(final EncryptionAlgorithm encryption, final byte[] encryptionKey,
                                  final IntegrityAlgorithm integrity, final byte[] integrityKey, final boolean esn) {
        KeyMaterialChecks.checkEsp(encryption, encryptionKey, integrity, integrityKey);
        if (encryption.isAead()) {
            final byte[] aesKey = Arrays.copyOf(encryptionKey, encryptionKey.length - SALT_LENGTH);
            try {
                return new GcmEspCipher(encryption, encryptionKey, new JdkGcmEngine(aesKey), esn);
            } finally {
                Arrays.fill(aesKey, (byte) 0);
            }
        }
        final TextCipher text = encryption == EncryptionAlgorithm.NULL
                ? NullCipher.INSTANCE
                : new CbcCipher(encryption, encryptionKey, random);
        return new HmacEspCipher(encryption, text, new TruncatedIcv(integrity, integrityKey), esn);
    }

    @Override
    public PacketMac newPacketMac(final IntegrityAlgorithm integrity, final byte[] key) {
        KeyMaterialChecks.checkMac(integrity, key);
        return new HmacPacketMac(integrity, key);
    }

    @Override
    public String toString() {
        return name();
    }
}
