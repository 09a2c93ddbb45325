package io.xgate.controlplane.config;

import io.xgate.dataplane.packet.IpAddress;
import io.xgate.dataplane.crypto.EncryptionAlgorithm;
import io.xgate.dataplane.crypto.IntegrityAlgorithm;

/**
 * Statically keyed SAs. {@code localSpi} is the SPI of the packets we send (the peer's inbound SA),
 * {@code remoteSpi} the SPI of the packets we receive.
 */
public record ManualKey(LocalAddress localAddress, IpAddress peerAddress, Spi localSpi, Spi remoteSpi,
                        Protection protection) implements Keying {

    public sealed interface Protection {
    }

    /** Keys are empty when the algorithm takes none ({@code null}, {@code none}). */
    public record Esp(EncryptionAlgorithm encryption, Secret encryptionKey, IntegrityAlgorithm authentication,
                      Secret authenticationKey) implements Protection {
    }

    public record Ah(IntegrityAlgorithm authentication, Secret key) implements Protection {
    }
}
