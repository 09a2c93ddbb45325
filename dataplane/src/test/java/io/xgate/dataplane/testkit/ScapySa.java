package io.xgate.dataplane.testkit;

import io.xgate.dataplane.capture.EspSaKeys;
import io.xgate.dataplane.crypto.EncryptionAlgorithm;

/**
 * One SA as scapy's {@code SecurityAssociation} sees it: the keys and addresses of an {@link EspSaKeys},
 * ESP or AH, tunnel or transport mode, 32- or 64-bit sequence numbers, ESP in UDP 4500 or not.
 * In tunnel mode the SA's addresses are the outer header's.
 */
public record ScapySa(Protocol protocol, EspSaKeys keys, boolean tunnel, boolean esn, boolean natT) {
    public enum Protocol { ESP, AH }

    public ScapySa {
        if (protocol == Protocol.AH && (keys.encryption() != EncryptionAlgorithm.NULL || natT)) {
            throw new IllegalArgumentException("AH takes NULL encryption and no NAT-T");
        }
    }

    /** ESP in tunnel mode, 32-bit sequence numbers, no UDP encapsulation. */
    public static ScapySa espTunnel(final EspSaKeys keys) {
        return new ScapySa(Protocol.ESP, keys, true, false, false);
    }

    /** AH in tunnel mode; {@code keys} must have NULL encryption (only its integrity part is used). */
    public static ScapySa ahTunnel(final EspSaKeys keys) {
        return new ScapySa(Protocol.AH, keys, true, false, false);
    }

    public ScapySa withEsn() {
        return new ScapySa(protocol, keys, tunnel, true, natT);
    }

    public ScapySa withoutEsn() {
        return new ScapySa(protocol, keys, tunnel, false, natT);
    }

    public ScapySa withNatT() {
        return new ScapySa(protocol, keys, tunnel, esn, true);
    }

    public ScapySa inTransportMode() {
        return new ScapySa(protocol, keys, false, esn, natT);
    }
}
