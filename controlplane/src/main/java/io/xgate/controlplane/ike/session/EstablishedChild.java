package io.xgate.controlplane.ike.session;

import io.xgate.controlplane.ike.policy.ChildPolicy;
import io.xgate.controlplane.ike.policy.GatewayPolicy;
import io.xgate.controlplane.ike.sa.ChildSaRecord;

import java.net.InetAddress;

/**
 * A child SA pair ready for the data plane: outer addresses, and UDP ports when ESP travels in UDP (RFC 3948;
 * 0/0 for raw ESP).
 */
public record EstablishedChild(GatewayPolicy gateway, ChildPolicy policy, ChildSaRecord sa, InetAddress local,
                               InetAddress peer, int udpSourcePort, int udpDestinationPort) {

    public boolean udpEncapsulated() {
        return udpDestinationPort != 0;
    }

    @Override
    public String toString() {
        return sa + " " + local.getHostAddress() + " <-> " + peer.getHostAddress()
            + (udpEncapsulated() ? " ESP in UDP " + udpSourcePort + "->" + udpDestinationPort : " ESP");
    }
}
