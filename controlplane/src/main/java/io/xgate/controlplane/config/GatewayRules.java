package io.xgate.controlplane.config;

import io.xgate.dataplane.packet.IpAddress;
import io.xgate.controlplane.config.IkeGateway.Authentication;
import io.xgate.controlplane.config.IkeGateway.PeerAddress;

/** IKE gateways: local address on an ethernet port, peer of the same family, profile, timers, PSK, identities. */
final class GatewayRules implements ValidationRule {
    static final IntRange DPD_INTERVAL = new IntRange(2, 100);
    static final IntRange KEEP_ALIVE = new IntRange(10, 3600);
    static final IntRange PRE_SHARED_KEY_LENGTH = new IntRange(1, 255);

    @Override
    public void check(final DeviceConfig config, final ErrorCollector errors) {
        Section.IKE_GATEWAYS.each(config.ikeGateways(), (gateway, path) -> {
            References.localAddress(config, gateway.localAddress(), path.key("local-address"), errors)
                    .ifPresent(family -> {
                        if (gateway.peerAddress() instanceof PeerAddress.Ip(final IpAddress peer)
                                && peer.family() != family) {
                            errors.add(path.key("peer-address").key("ip"), "must be an " + IpAddress.familyName(family)
                                    + " address like the local address, got " + peer);
                        }
                    });
            References.resolve(errors, path.key("ike-crypto-profile"), gateway.ikeCryptoProfile(),
                    config.ikeCryptoProfiles(), Section.IKE_CRYPTO_PROFILES.path().toString());
            errors.checkRange(path.key("ikev2").key("dpd").key("interval"), DPD_INTERVAL, gateway.ikev2().dpdInterval());
            errors.checkRange(path.key("nat-traversal").key("keep-alive-interval"), KEEP_ALIVE,
                    gateway.natTraversal().keepAliveInterval());
            if (gateway.authentication() instanceof Authentication.PreSharedKey(final Secret key)
                    && !PRE_SHARED_KEY_LENGTH.contains(key.length())) {
                // The length in bytes is all that may be said about a key.
                errors.add(path.key("authentication").key("pre-shared-key"),
                        "must be " + PRE_SHARED_KEY_LENGTH + " characters, got " + key.length());
            }
            gateway.localId().ifPresent(id -> checkIdentity(id, path.key("local-id"), errors));
            gateway.peerId().ifPresent(id -> checkIdentity(id, path.key("peer-id"), errors));
        });
    }

    private static void checkIdentity(final IkeGateway.Identity identity, final ConfigPath path,
                                      final ErrorCollector errors) {
        if (identity.id().isEmpty()) {
            errors.add(path.key("id"), "must not be empty");
        } else if (identity.type() == IkeGateway.IdType.IPADDR) {
            try {
                IpAddress.parse(identity.id());
            } catch (final IllegalArgumentException e) {
                errors.add(path.key("id"), "type ipaddr needs an IP address: " + e.getMessage());
            }
        }
        if (identity.matching() == IkeGateway.Matching.WILDCARD && identity.type() != IkeGateway.IdType.FQDN
                && identity.type() != IkeGateway.IdType.UFQDN) {
            errors.add(path.key("matching"), "wildcard matching applies to fqdn and ufqdn identities only");
        }
    }
}
