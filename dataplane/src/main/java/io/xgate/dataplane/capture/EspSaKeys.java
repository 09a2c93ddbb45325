package io.xgate.dataplane.capture;

import io.xgate.dataplane.crypto.EncryptionAlgorithm;
import io.xgate.dataplane.crypto.IntegrityAlgorithm;

import java.net.Inet4Address;
import java.net.InetAddress;

/**
 * What a decoder needs to open one ESP SA: the outer addresses, the SPI, the algorithms and their keys
 * (GCM key material carries the 4-byte salt, RFC 4106 §8.1). Keys are copied in and out, and kept out of
 * {@link #toString()}.
 */
public record EspSaKeys(InetAddress source, InetAddress destination, int spi,
                        EncryptionAlgorithm encryption, byte[] encryptionKey,
                        IntegrityAlgorithm integrity, byte[] integrityKey) {

    public EspSaKeys {
        if (source.getClass() != destination.getClass()) {
            throw new IllegalArgumentException("source and destination differ in address family");
        }
        AlgorithmChecks.requireCombination(encryption, integrity);
        AlgorithmChecks.requireKeyLength("encryption", encryptionKey, encryption.keyLength());
        AlgorithmChecks.requireKeyLength("integrity", integrityKey, integrity.keyLength());
        encryptionKey = encryptionKey.clone();
        integrityKey = integrityKey.clone();
    }

    /** 4 or 6: the IP version of the outer header. */
    public int ipVersion() {
        return source instanceof Inet4Address ? 4 : 6;
    }

    @Override
    public byte[] encryptionKey() {
        return encryptionKey.clone();
    }

    @Override
    public byte[] integrityKey() {
        return integrityKey.clone();
    }

    @Override
    public String toString() {
        return "EspSaKeys[" + source.getHostAddress() + " -> " + destination.getHostAddress()
            + ", spi=0x" + Integer.toHexString(spi) + ", " + encryption.configName() + "/" + integrity.configName() + "]";
    }
}
