package io.xgate.controlplane.ike.policy;

import io.xgate.controlplane.config.IkeCryptoProfile;
import io.xgate.controlplane.config.IkeGateway;
import io.xgate.controlplane.ike.payload.ConfigIdentities;
import io.xgate.controlplane.ike.payload.IdPayload;
import io.xgate.controlplane.ike.payload.Role;
import io.xgate.controlplane.ike.wire.Bytes;
import io.xgate.dataplane.packet.IpAddress;

import java.util.List;
import java.util.Optional;

/**
 * Everything IKE needs about one {@code ike-gateway}: the resolved local address, the peer's address (empty for
 * a dynamic peer), the IKE crypto profile, how we authenticate, and the child SAs of the tunnels that use it.
 */
public record GatewayPolicy(IkeGateway gateway, IkeCryptoProfile ikeProfile, IpAddress localAddress,
                            Optional<IpAddress> peerAddress, Authenticator authenticator,
                            List<ChildPolicy> children) {

    public GatewayPolicy {
        children = List.copyOf(children);
    }

    public String name() {
        return gateway.name();
    }

    /** Whether we start negotiations: not for passive gateways, and not without a peer address. */
    public boolean initiates() {
        return !gateway.passiveMode() && peerAddress.isPresent();
    }

    /** Whether a peer at {@code address} may be this gateway's peer: its address, or anyone for a dynamic peer. */
    public boolean accepts(final IpAddress local, final IpAddress address) {
        return localAddress.equals(local)
            && (peerAddress.isEmpty() ? gateway.peerAddress() instanceof IkeGateway.PeerAddress.Dynamic
                : peerAddress.get().equals(address));
    }

    public boolean natTraversal() {
        return gateway.natTraversal().enabled();
    }

    /** {@code fragmentation.enable}: offer IKE fragmentation (RFC 7383) in IKE_SA_INIT and use it when the peer does. */
    public boolean fragmentation() {
        return gateway.fragmentation();
    }

    /** Our ID payload: {@code local-id}, else our IP address (what strongSwan and PAN-OS default to). */
    public IdPayload localId(final Role role) {
        return gateway.localId().map(id -> ConfigIdentities.of(role, id))
            .orElseGet(() -> new IdPayload(role, localAddress.isV4() ? IdPayload.ID_IPV4_ADDR : IdPayload.ID_IPV6_ADDR,
                Bytes.of(localAddress.bytes())));
    }

    @Override
    public String toString() {
        return name();
    }
}
