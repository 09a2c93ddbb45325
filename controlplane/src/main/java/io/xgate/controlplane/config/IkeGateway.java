package io.xgate.controlplane.config;

import io.xgate.dataplane.packet.IpAddress;
import java.util.Optional;

/** An IKE peer: where it is, how both sides prove who they are, and how the IKE SA is kept alive. */
public record IkeGateway(String name, Version version, LocalAddress localAddress, PeerAddress peerAddress,
                         Authentication authentication, Optional<Identity> localId, Optional<Identity> peerId,
                         String ikeCryptoProfile, Ikev2 ikev2, NatTraversal natTraversal,
                         boolean fragmentation, boolean passiveMode) implements Named {

    public enum Version implements ConfigEnum {
        IKEV1, IKEV2, IKEV2_PREFERRED
    }

    public sealed interface PeerAddress {
        record Ip(IpAddress ip) implements PeerAddress {
        }

        /** Resolved by the IKE daemon when it connects, never while the config loads. */
        record Fqdn(String fqdn) implements PeerAddress {
        }

        /** The peer's address is unknown (dial-up peer); this side can only respond. */
        enum Dynamic implements PeerAddress {
            INSTANCE
        }
    }

    public sealed interface Authentication {
        record PreSharedKey(Secret key) implements Authentication {
        }

        record Certificate(String localCertificate, Optional<String> certificateProfile,
                           boolean strictValidationRevocation) implements Authentication {
        }
    }

    public record Identity(IdType type, String id, Matching matching) {
    }

    public enum IdType implements ConfigEnum {
        IPADDR, FQDN, UFQDN, KEYID, DN
    }

    /** How a peer ID is compared with what the peer presents. */
    public enum Matching implements ConfigEnum {
        EXACT, WILDCARD
    }

    /** IKEv2 options; the dead-peer detection here is PAN-OS's "liveness check". */
    public record Ikev2(boolean requireCookie, boolean dpdEnabled, int dpdInterval) {
        public static final Ikev2 DEFAULT = new Ikev2(false, true, 5);
    }

    public record NatTraversal(boolean enabled, int keepAliveInterval, boolean udpChecksum) {
        public static final NatTraversal DEFAULT = new NatTraversal(false, 20, false);
    }
}
