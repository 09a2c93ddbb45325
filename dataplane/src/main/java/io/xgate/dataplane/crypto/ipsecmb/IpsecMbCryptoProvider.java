package io.xgate.dataplane.crypto.ipsecmb;

import io.xgate.dataplane.crypto.CryptoProvider;
import io.xgate.dataplane.crypto.EncryptionAlgorithm;
import io.xgate.dataplane.crypto.EspCipher;
import io.xgate.dataplane.crypto.GcmEspCipher;
import io.xgate.dataplane.crypto.IntegrityAlgorithm;
import io.xgate.dataplane.crypto.KeyMaterialChecks;
import io.xgate.dataplane.crypto.PacketMac;
import io.xgate.dataplane.crypto.jdk.JdkCryptoProvider;

import java.util.Arrays;

/** AES-GCM by intel-ipsec-mb; CBC, NULL and the HMACs delegate to the JDK provider. */
public final class IpsecMbCryptoProvider implements CryptoProvider {
    private static final int SALT_LENGTH = 4;

    private final JdkCryptoProvider others = new JdkCryptoProvider();

    /** @throws IllegalStateException when {@link IpsecMbLibrary#available()} is false, with the reason. */
    public IpsecMbCryptoProvider() {
        if (!IpsecMbLibrary.available()) {
            throw new IllegalStateException("intel-ipsec-mb unavailable: " + IpsecMbLibrary.reason());
        }
    }

    @Override
    public String name() {
        return "intel-ipsec-mb " + IpsecMbLibrary.version() + " (" + IpsecMbLibrary.arch().suffix() + ")";
    }

    @Override
    public EspCipher newEspCipher(final EncryptionAlgorithm encryption, final byte[] encryptionKey,
                                  final IntegrityAlgorithm integrity, final byte[] integrityKey, final boolean esn) {
        KeyMaterialChecks.checkEsp(encryption, encryptionKey, integrity, integrityKey);
        if (!encryption.isAead()) {
            return others.newEspCipher(encryption, encryptionKey, integrity, integrityKey, esn);
        }
        final byte[] aesKey = Arrays.copyOf(encryptionKey, encryptionKey.length - SALT_LENGTH);
        try {
            return new GcmEspCipher(encryption, encryptionKey, new IpsecMbGcmEngine(aesKey), esn);
        } finally {
            Arrays.fill(aesKey, (byte) 0);
        }
    }

    @Override
    public PacketMac newPacketMac(final IntegrityAlgorithm integrity, final byte[] key) {
        return others.newPacketMac(integrity, key);
    }

    @Override
    public String toString() {
        return name();
    }
}
